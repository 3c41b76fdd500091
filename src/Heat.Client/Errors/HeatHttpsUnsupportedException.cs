using System;

namespace Heat.Client
{
    /// <summary>
    /// An https request found no TLS at the server, and a plain http request to the same host and port was answered:
    /// the server speaks http, not https (a URL with the wrong scheme; .NET says only "unexpected EOF" or "corrupted
    /// frame").
    /// </summary>
    public sealed class HeatHttpsUnsupportedException : HeatException
    {
        public HeatHttpsUnsupportedException(string method, Uri requestUri, Exception inner)
            : base($"{method} {requestUri} failed: the server at {requestUri.Authority} speaks http, not https (it answered a plain http " +
                   "request).", inner)
        {
            FailedUri = requestUri;
            PlainHttpUri = PlainHttp(requestUri);
        }

        /// <summary>The https URL that was asked.</summary>
        public Uri FailedUri { get; }

        /// <summary>The same URL with http: what the server answers.</summary>
        public Uri PlainHttpUri { get; }

        /// <summary>An https URL with the scheme http and the same host, port (the https default made explicit), path and query.</summary>
        public static Uri PlainHttp(Uri https) => new UriBuilder(https) { Scheme = Uri.UriSchemeHttp, Port = https.Port }.Uri;
    }
}
