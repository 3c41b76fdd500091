using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;
using Polly;

namespace Heat.Client.Http
{
    /// <summary>
    /// The one place that sends HTTP: headers, redirects (by hand, under <see cref="RedirectPolicy"/>), a timeout per
    /// attempt that covers the body too, capped bodies, the status→exception map, strict JSON, and retries of what is
    /// safe to repeat (under <see cref="RetryPolicy"/>). Thread-safe. Knows nothing of Keystone or Heat routes.
    /// </summary>
    internal sealed class HttpSender : IDisposable
    {
        private readonly HttpClient _http;
        private readonly SenderSettings _settings;
        private readonly ResiliencePipeline _retry;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private readonly ConcurrentDictionary<string, bool> _cloudOrigins = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        // Why the cloud CA check last refused an origin's certificate: the TLS stack only says "rejected by the callback".
        private readonly ConcurrentDictionary<string, string> _refusals = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <param name="handler">Replaces the HTTP stack (tests); null for the real one.</param>
        public HttpSender(SenderSettings settings, HttpMessageHandler? handler, string userAgent)
        {
            _settings = settings;
            handler = handler ?? CreateHandler();
            // The attempt's own token enforces the timeout, over the body as well as the headers.
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
            _http.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
            _retry = RetryPolicy.Build(settings, () => IsClosed);
        }

        public bool IsClosed => _lifetime.IsCancellationRequested;

        public TimeSpan Timeout => _settings.Timeout;

        /// <summary>An origin of the cloud itself (Keystone, Heat): only these may skip the certificate check.</summary>
        public void TrustOrigin(Uri uri)
        {
            if (uri != null) _cloudOrigins[RedirectPolicy.Origin(uri)] = true;
        }

        public void Dispose()
        {
            if (_lifetime.IsCancellationRequested) return;
            // Cancel first, so that requests in flight end as "disconnected", not as a timeout or a disposed object.
            _lifetime.Cancel();
            _http.Dispose();
        }

        public async Task<HeatResponse> SendAsync(HttpCall call, CancellationToken cancellationToken)
        {
            if (IsClosed) throw new HeatSessionClosedException();
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RetryPolicy.CallKey, call);
            try
            {
                return await _retry.ExecuteAsync(
                    (ctx, state) =>
                    {
                        state.Call.Attempt++;
                        return new ValueTask<HeatResponse>(state.Sender.AttemptAsync(state.Call, ctx.CancellationToken));
                    },
                    context, (Sender: this, Call: call)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private HttpMessageHandler CreateHandler()
        {
            var handler = new HttpClientHandler
            {
                // Heat answers a name with 302 to name/id; we follow it ourselves so that the method survives, the id
                // can be read, and a token never follows a redirect to another origin.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            TlsDefaults.EnsureTls12();
            // Null when the check is skipped: the callback exists for one of the two.
            var authorities = _settings.SkipCertificateCheck ? null : _settings.TrustedAuthorities;
            if (_settings.SkipCertificateCheck || authorities != null)
            {
                // Only the cloud's own endpoints: a template URL on a third host is checked as usual.
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                {
                    var origin = request?.RequestUri != null ? RedirectPolicy.Origin(request.RequestUri) : null;
                    if (origin == null || !_cloudOrigins.ContainsKey(origin)) return errors == SslPolicyErrors.None;
                    if (authorities == null) return true;
                    if (CertificateTrust.IsTrusted(certificate, chain, errors, authorities, out var reason)) return true;
                    _refusals[origin] = reason;
                    return false;
                };
            }
            return handler;
        }

        private async Task<HeatResponse> AttemptAsync(HttpCall call, CancellationToken cancellationToken)
        {
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token))
            {
                attempt.CancelAfter(_settings.Timeout);
                try
                {
                    return await HopsAsync(call, attempt.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (IsClosed) throw new HeatSessionClosedException();
                    throw new HeatConnectionException(call.Method.Method, call.Uri,
                        $"{call.Method} {call.Uri} took longer than the timeout of {_settings.Timeout.TotalSeconds:0.#} s.")
                    {
                        IsTimeout = true,
                        IsTransient = true,
                        MayHaveBeenProcessed = true,
                    };
                }
                catch (ObjectDisposedException) when (IsClosed)
                {
                    throw new HeatSessionClosedException();
                }
            }
        }

        private async Task<HeatResponse> HopsAsync(HttpCall call, CancellationToken cancellationToken)
        {
            var uri = call.Uri;
            var method = call.Method;
            var payload = call.Payload;
            for (int hop = 0; ; hop++)
            {
                using (var request = new HttpRequestMessage(method, uri))
                {
                    if (call.Token != null) request.Headers.TryAddWithoutValidation("X-Auth-Token", call.Token);
                    if (payload != null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                    var watch = Stopwatch.StartNew();
                    HttpResponseMessage response;
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    }
                    catch (HttpRequestException e)
                    {
                        call.Trace?.Invoke($"{method} {Secrets.RedactUrl(uri)} -> no answer after {watch.ElapsedMilliseconds} ms{RetryNote(call)}: {Secrets.RedactText(ErrorMapper.Clean(e.Message))}");
                        if (_cloudOrigins.ContainsKey(RedirectPolicy.Origin(uri)) &&
                            await PlainHttpProbe.SpeaksPlainHttpAsync(_http, uri, e, call.Trace, cancellationToken).ConfigureAwait(false))
                            throw new HeatHttpsUnsupportedException(method.Method, uri, e);
                        throw ConnectionFailure(method, uri, e, beforeSending: RefusedBeforeSending(e));
                    }
                    catch (OperationCanceledException)
                    {
                        call.Trace?.Invoke($"{method} {Secrets.RedactUrl(uri)} -> cancelled or timed out after {watch.ElapsedMilliseconds} ms{RetryNote(call)}");
                        throw;
                    }
                    using (response)
                    {
                        var code = (int)response.StatusCode;
                        // One line per request: what was asked, what came back, how long it took, and which attempt it was.
                        call.Trace?.Invoke($"{method} {Secrets.RedactUrl(uri)} -> {code} {ErrorMapper.Clean(response.ReasonPhrase)} in {watch.ElapsedMilliseconds} ms{RetryNote(call)}");
                        var contentType = response.Content?.Headers.ContentType?.MediaType;
                        if (RedirectPolicy.IsRedirect(code) && response.Headers.Location != null)
                        {
                            var next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(uri, response.Headers.Location);
                            if (!call.FollowRedirects)
                            {
                                return new HeatResponse { StatusCode = response.StatusCode, Headers = response.Headers, FinalUri = uri, Location = next, ContentType = contentType };
                            }
                            RedirectPolicy.Check(call, uri, next, hop);
                            if (code == 303)
                            {
                                method = HttpMethod.Get;
                                payload = null;
                            }
                            uri = next;
                            continue;
                        }
                        if (call.ReadJson != null && call.Expect == ResponseBody.Json && response.IsSuccessStatusCode)
                        {
                            return await StreamJsonAsync(call, call.ReadJson, response, method, uri, contentType, cancellationToken).ConfigureAwait(false);
                        }
                        string? text;
                        try
                        {
                            text = await BodyReader.ReadAsync(response.Content, call.MaxBytes > 0 ? call.MaxBytes : _settings.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
                        }
                        catch (BodyReader.TooLargeException e)
                        {
                            throw new HeatInvalidResponseException(response.StatusCode, method.Method, uri, contentType, e.Message);
                        }
                        catch (Exception e) when (e is IOException || e is HttpRequestException)
                        {
                            throw ConnectionFailure(method, uri, e, beforeSending: false);
                        }
                        if (!response.IsSuccessStatusCode && !(code == 300 && call.AcceptMultipleChoices))
                        {
                            throw ErrorMapper.FromResponse(response.StatusCode, response.ReasonPhrase, text, method.Method, uri, RetryPolicy.RetryAfter(response));
                        }
                        JToken? json = null;
                        if (call.Expect == ResponseBody.Json && !Strings.IsNullOrWhiteSpace(text))
                        {
                            try
                            {
                                json = HeatJson.Parse(text);
                            }
                            catch (Newtonsoft.Json.JsonException e)
                            {
                                throw new HeatInvalidResponseException(response.StatusCode, method.Method, uri, contentType,
                                    "its body is not the JSON the request expects: " + ErrorMapper.Clean(e.Message), e);
                            }
                        }
                        return new HeatResponse
                        {
                            StatusCode = response.StatusCode,
                            Text = text,
                            Json = json,
                            Headers = response.Headers,
                            FinalUri = uri,
                            ContentType = contentType,
                            Method = method.Method,
                        };
                    }
                }
            }
        }

        private string RetryNote(HttpCall call) => call.Attempt > 1 ? $" (retry {call.Attempt - 1} of {_settings.MaxRetries})" : string.Empty;

        /// <summary>A 2xx JSON body parsed as it arrives, under the same limits and with the same errors as text.</summary>
        private async Task<HeatResponse> StreamJsonAsync(HttpCall call, Func<Newtonsoft.Json.JsonReader, object> read, HttpResponseMessage response,
            HttpMethod method, Uri uri, string? contentType, CancellationToken cancellationToken)
        {
            object parsed;
            try
            {
                parsed = await BodyReader.ReadJsonAsync(response.Content, call.MaxBytes > 0 ? call.MaxBytes : _settings.MaxResponseBytes, read,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (BodyReader.TooLargeException e)
            {
                throw new HeatInvalidResponseException(response.StatusCode, method.Method, uri, contentType, e.Message);
            }
            catch (BodyReader.ShapeException e)
            {
                throw new HeatInvalidResponseException(response.StatusCode, method.Method, uri, contentType, e.Message, e.InnerException);
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new HeatInvalidResponseException(response.StatusCode, method.Method, uri, contentType,
                    "its body is not the JSON the request expects: " + ErrorMapper.Clean(e.Message), e);
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException)
            {
                throw ConnectionFailure(method, uri, e, beforeSending: false);
            }
            return new HeatResponse
            {
                StatusCode = response.StatusCode,
                Parsed = parsed,
                Headers = response.Headers,
                FinalUri = uri,
                ContentType = contentType,
                Method = method.Method,
            };
        }

        /// <summary>Connection refused, or a name that did not resolve: the request never left this machine.</summary>
        private static bool RefusedBeforeSending(Exception e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound ||
                           socket.SocketErrorCode == SocketError.TryAgain || socket.SocketErrorCode == SocketError.NetworkUnreachable ||
                           socket.SocketErrorCode == SocketError.HostUnreachable;
                }
            }
            return false;
        }

        private HeatConnectionException ConnectionFailure(HttpMethod method, Uri uri, Exception e, bool beforeSending)
        {
            var innermost = e;
            bool tls = false;
            for (var inner = e; inner != null; inner = inner.InnerException)
            {
                innermost = inner;
                tls |= inner is AuthenticationException;
            }
            var detail = ErrorMapper.Clean(innermost.Message);
            bool systemRootsRefused = false;
            if (tls)
            {
                if (_refusals.TryRemove(RedirectPolicy.Origin(uri), out var reason))
                {
                    detail = $"the TLS certificate of {uri.Authority} is not trusted: {ErrorMapper.Clean(reason)}.";
                }
                else
                {
                    systemRootsRefused = _settings.TrustedAuthorities == null && !_settings.SkipCertificateCheck;
                }
            }
            return new HeatConnectionException(method.Method, uri, $"{method} {uri} failed: {detail}", e)
            {
                CertificateNotTrusted = systemRootsRefused,
                // A certificate that is not trusted will not become trusted by asking again.
                IsTransient = !tls,
                MayHaveBeenProcessed = !beforeSending && !tls,
            };
        }
    }
}
