using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Keystone;
using Newtonsoft.Json.Linq;

namespace Heat.Client
{
    /// <summary>
    /// A connection to one cloud's Heat: the token, its expiry, the endpoint and the HTTP client.
    /// Thread-safe: one session may serve many runspaces at once. It never shows its token.
    /// Every request to Keystone or Heat goes through <see cref="SendAsync"/>: the one place for
    /// authentication headers, redirects, error mapping and (re-)authentication.
    /// </summary>
    public sealed class HeatSession : IDisposable
    {
        internal static readonly string UserAgent = "Heat.PowerShell/" + typeof(HeatSession).Assembly.GetName().Version.ToString(3);
        private const int MaxRedirects = 5;

        private readonly HttpClient _http;
        private readonly AuthOptions _options;
        private readonly SemaphoreSlim _authLock = new SemaphoreSlim(1, 1);
        private AuthState _auth;
        private string _heatEndpoint;
        private int _disposed;

        private HeatSession(AuthOptions options, HttpMessageHandler handler)
        {
            _options = options.Clone();
            if (handler == null)
            {
                var clientHandler = new HttpClientHandler
                {
                    // Heat answers a name with 302 to name/id; we follow it ourselves so that the
                    // token and the method survive, and so that we learn the id.
                    AllowAutoRedirect = false,
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                };
                if (options.SkipCertificateCheck)
                {
                    clientHandler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;
                }
                handler = clientHandler;
            }
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = options.Timeout };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            ConnectedAt = DateTime.UtcNow;
        }

        /// <summary>Authenticates (unless given a token) and finds Heat's endpoint.</summary>
        /// <param name="handler">Replaces the HTTP stack (tests); null for the real one.</param>
        public static async Task<HeatSession> ConnectAsync(AuthOptions options, HttpMessageHandler handler = null, Action<string> trace = null, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var session = new HeatSession(options, handler);
            try
            {
                if (options.Method == AuthMethod.Token)
                {
                    if (options.Token == null) throw new ArgumentException("A token is required.");
                    if (string.IsNullOrWhiteSpace(options.HeatEndpoint))
                    {
                        throw new ArgumentException("A token needs -HeatEndpoint: without Keystone there is no catalog to find Heat in.");
                    }
                    session._auth = new AuthState
                    {
                        Token = Secrets.Reveal(options.Token),
                        ProjectId = ProjectIdFromEndpoint(options.HeatEndpoint),
                        Catalog = new ServiceCatalog(new CatalogEndpoint[0]),
                    };
                }
                else
                {
                    session._auth = await KeystoneAuthenticator.AuthenticateAsync(session, session._options, trace, cancellationToken).ConfigureAwait(false);
                }
                session._heatEndpoint = session.ResolveEndpoint(session._auth);
                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        /// <summary>Unique per session, to tell sessions apart in a list.</summary>
        public Guid SessionId { get; } = Guid.NewGuid();

        public string AuthUrl => _options.AuthUrl;

        public AuthMethod AuthMethod => _options.Method;

        /// <summary>"v3" or "v2.0"; null for a token given by the user.</summary>
        public string KeystoneVersion => _auth?.KeystoneVersion;

        public string UserName => _auth?.UserName ?? _options.UserName;

        public string UserId => _auth?.UserId;

        public string ProjectName => _auth?.ProjectName ?? _options.ProjectName;

        public string ProjectId => _auth?.ProjectId ?? _options.ProjectId;

        public string Region => _options.Region;

        public string Interface => _options.Interface;

        /// <summary>Heat's base URL, including the project: <c>http://host:8004/v1/{project_id}</c>.</summary>
        public string HeatEndpoint => _heatEndpoint;

        /// <summary>When the current token expires (UTC); null when unknown.</summary>
        public DateTime? ExpiresAt => _auth?.ExpiresAt;

        public DateTime ConnectedAt { get; }

        public bool SkipCertificateCheck => _options.SkipCertificateCheck;

        /// <summary>True when the token has expired and the session cannot renew it itself.</summary>
        public bool IsExpired => ExpiresAt.HasValue && ExpiresAt.Value <= DateTime.UtcNow && !CanReauthenticate;

        /// <summary>Password and application-credential sessions renew their token when it expires.</summary>
        public bool CanReauthenticate => _options.Method != AuthMethod.Token;

        public ServiceCatalog Catalog => _auth?.Catalog;

        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        public override string ToString() => $"{UserName ?? "(token)"}@{ProjectName ?? ProjectId} {HeatEndpoint}";

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _http.Dispose();
            _authLock.Dispose();
        }

        /// <summary>Makes an absolute URL from a path relative to the Heat endpoint.</summary>
        internal Uri HeatUri(string relative) => new Uri(_heatEndpoint.TrimEnd('/') + "/" + relative.TrimStart('/'));

        /// <summary>Sends one request to Heat with the session's token. Follows Heat's redirects, maps errors,
        /// renews an expired token once (password and application-credential sessions).</summary>
        internal async Task<HeatResponse> SendAsync(HttpMethod method, Uri uri, JToken body, Action<string> trace, CancellationToken cancellationToken, bool followRedirects = true)
        {
            ThrowIfDisposed();
            var auth = _auth;
            if (CanReauthenticate && auth.ExpiresAt.HasValue && auth.ExpiresAt.Value <= DateTime.UtcNow.AddSeconds(30))
            {
                auth = await ReauthenticateAsync(auth, trace, cancellationToken).ConfigureAwait(false);
            }
            try
            {
                return await SendCoreAsync(method, uri, body, auth.Token, trace, cancellationToken, followRedirects).ConfigureAwait(false);
            }
            catch (HeatAuthenticationException) when (CanReauthenticate)
            {
                trace?.Invoke("The token was refused; authenticating again.");
                auth = await ReauthenticateAsync(auth, trace, cancellationToken).ConfigureAwait(false);
                return await SendCoreAsync(method, uri, body, auth.Token, trace, cancellationToken, followRedirects).ConfigureAwait(false);
            }
        }

        /// <summary>For Keystone's token requests: no token header, and the body (which holds a secret) is never traced.</summary>
        internal Task<HeatResponse> SendUnauthenticatedAsync(HttpMethod method, Uri uri, JToken body, Action<string> trace, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            return SendCoreAsync(method, uri, body, null, trace, cancellationToken);
        }

        /// <summary>Reads a URL that a template names (http or https), with no token: those are not Heat's.
        /// Goes through the same sender, so redirects, timeouts and errors are handled as for Heat.</summary>
        internal async Task<string> FetchTextAsync(Uri uri, Action<string> trace, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            var response = await SendCoreAsync(HttpMethod.Get, uri, null, null, trace, cancellationToken, parseJson: false).ConfigureAwait(false);
            return response.Text;
        }

        private async Task<AuthState> ReauthenticateAsync(AuthState stale, Action<string> trace, CancellationToken cancellationToken)
        {
            await _authLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another thread may have renewed it while we waited.
                if (!ReferenceEquals(_auth, stale)) return _auth;
                trace?.Invoke("Renewing the Keystone token.");
                var fresh = await KeystoneAuthenticator.AuthenticateAsync(this, _options, trace, cancellationToken).ConfigureAwait(false);
                _heatEndpoint = string.IsNullOrWhiteSpace(_options.HeatEndpoint) ? ResolveEndpoint(fresh) : _heatEndpoint;
                _auth = fresh;
                return fresh;
            }
            finally
            {
                _authLock.Release();
            }
        }

        private async Task<HeatResponse> SendCoreAsync(HttpMethod method, Uri uri, JToken body, string token, Action<string> trace, CancellationToken cancellationToken, bool followRedirects = true, bool parseJson = true)
        {
            string payload = body == null ? null : HeatJson.Serialize(body);
            for (int hop = 0; ; hop++)
            {
                using (var request = new HttpRequestMessage(method, uri))
                {
                    if (token != null) request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
                    if (payload != null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                    trace?.Invoke($"{method} {uri}");
                    var watch = Stopwatch.StartNew();
                    HttpResponseMessage response;
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new HeatException($"{method} {uri} took longer than the timeout of {_http.Timeout.TotalSeconds:0} s.");
                    }
                    catch (HttpRequestException e)
                    {
                        throw new HeatException($"{method} {uri} failed: {Innermost(e).Message}", e);
                    }
                    using (response)
                    {
                        var text = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        trace?.Invoke($"{(int)response.StatusCode} {response.ReasonPhrase} in {watch.ElapsedMilliseconds} ms");
                        var code = (int)response.StatusCode;
                        if (code >= 300 && code < 400 && response.Headers.Location != null && !followRedirects)
                        {
                            return new HeatResponse { StatusCode = response.StatusCode, Headers = response.Headers, FinalUri = uri };
                        }
                        if (code >= 300 && code < 400 && response.Headers.Location != null)
                        {
                            if (hop >= MaxRedirects) throw new HeatException($"{method} {uri}: too many redirects.");
                            var location = response.Headers.Location;
                            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                            continue;
                        }
                        if (!response.IsSuccessStatusCode)
                        {
                            throw ErrorMapper.FromResponse(response.StatusCode, response.ReasonPhrase, text, method.Method, uri);
                        }
                        JToken json = null;
                        if (parseJson && !string.IsNullOrWhiteSpace(text))
                        {
                            try
                            {
                                json = HeatJson.Parse(text);
                            }
                            catch (Newtonsoft.Json.JsonException)
                            {
                                json = null;
                            }
                        }
                        return new HeatResponse { StatusCode = response.StatusCode, Text = text, Json = json, Headers = response.Headers, FinalUri = uri };
                    }
                }
            }
        }

        private string ResolveEndpoint(AuthState auth)
        {
            var endpoint = !string.IsNullOrWhiteSpace(_options.HeatEndpoint)
                ? _options.HeatEndpoint
                : auth.Catalog.Find("orchestration", _options.Interface, _options.Region).Url;
            endpoint = endpoint.TrimEnd('/');
            // Some catalogs still carry the unexpanded template.
            if (auth.ProjectId != null)
            {
                endpoint = endpoint.Replace("%(tenant_id)s", auth.ProjectId).Replace("%(project_id)s", auth.ProjectId)
                    .Replace("$(tenant_id)s", auth.ProjectId).Replace("$(project_id)s", auth.ProjectId);
            }
            return endpoint;
        }

        private static string ProjectIdFromEndpoint(string endpoint)
        {
            var segments = new Uri(endpoint).AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i] == "v1") return segments[i + 1];
            }
            return null;
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private void ThrowIfDisposed()
        {
            if (IsDisposed) throw new ObjectDisposedException(nameof(HeatSession), "This Heat session was disconnected; connect again with Connect-HeatService.");
        }
    }
}
