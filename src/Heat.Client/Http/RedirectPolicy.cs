using System;

namespace Heat.Client.Http
{
    /// <summary>
    /// Which redirects may be followed, and with what. As browsers, curl and Octokit's redirect handler do: a token or
    /// a secret body goes only to the origin (scheme, host, port) it was meant for, and nothing is downgraded from
    /// https to http. A request that carries nothing secret (a template URL) may follow a redirect to another host.
    /// </summary>
    internal static class RedirectPolicy
    {
        public const int MaxRedirects = 5;

        public static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        /// <summary>Throws <see cref="HeatRedirectRefusedException"/> when the hop from <paramref name="from"/> to <paramref name="to"/> is not allowed.</summary>
        public static void Check(HttpCall call, Uri from, Uri to, int hop)
        {
            if (hop >= MaxRedirects)
            {
                throw new HeatRedirectRefusedException(from, to, $"more than {MaxRedirects} redirects in a row");
            }
            if (to.Scheme != Uri.UriSchemeHttp && to.Scheme != Uri.UriSchemeHttps)
            {
                throw new HeatRedirectRefusedException(from, to, "only http and https can be followed");
            }
            if (from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp)
            {
                throw new HeatRedirectRefusedException(from, to, "it leaves https for plain http");
            }
            if (call.CarriesSecret && !SameOrigin(from, to))
            {
                var what = call.Token != null ? "the token" : "the credentials";
                throw new HeatRedirectRefusedException(from, to, $"it leads to another host, and {what} must not go there");
            }
        }

        public static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
            a.Port == b.Port;

        /// <summary>scheme://host:port, the key of an origin.</summary>
        public static string Origin(Uri uri) => $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
    }
}
