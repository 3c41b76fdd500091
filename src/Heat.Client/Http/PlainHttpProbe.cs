using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;

namespace Heat.Client.Http
{
    /// <summary>
    /// Tells an https URL that points at a server speaking plain http (.NET says only "unexpected EOF" or "corrupted
    /// frame") from other TLS failures. Asked only after a handshake failed, only of the cloud's own origins, with a GET
    /// of "/" that carries nothing (no token, no body).
    /// </summary>
    internal static class PlainHttpProbe
    {
        private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

        /// <summary>A failure of the TLS layer or of a stream closed during the handshake; not of the socket itself
        /// (refused, reset, unreachable), which says nothing about the scheme.</summary>
        private static bool MayBeSchemeMismatch(Exception failure)
        {
            bool tlsOrStream = false;
            for (var inner = failure; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException) return false;
                tlsOrStream |= inner is AuthenticationException || inner is IOException;
            }
            return tlsOrStream;
        }

        /// <summary>
        /// Whether an https request that failed with <paramref name="failure"/> went to a server that speaks plain http:
        /// the failure came from the handshake, and http://host:port/ answers with anything but 400 (a server that speaks
        /// TLS on the port answers plain http with 400, as nginx and Apache do, or not at all). Never throws.
        /// </summary>
        public static async Task<bool> SpeaksPlainHttpAsync(HttpClient http, Uri https, Exception failure, Action<string>? trace,
            CancellationToken cancellationToken)
        {
            if (https.Scheme != Uri.UriSchemeHttps || !MayBeSchemeMismatch(failure)) return false;
            var probe = new Uri($"{Uri.UriSchemeHttp}://{https.Authority}/");
            var watch = Stopwatch.StartNew();
            try
            {
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                using (var request = new HttpRequestMessage(HttpMethod.Get, probe))
                {
                    timeout.CancelAfter(ProbeTimeout);
                    using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        var code = (int)response.StatusCode;
                        trace?.Invoke($"GET {probe} -> {code} {ErrorMapper.Clean(response.ReasonPhrase)} in {watch.ElapsedMilliseconds} ms " +
                                      "(does the server speak plain http?)");
                        return code != 400;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException || e is OperationCanceledException)
            {
                trace?.Invoke($"GET {probe} -> no answer after {watch.ElapsedMilliseconds} ms (the server does not speak plain http either)");
                return false;
            }
        }
    }
}
