using System;
using Heat.Client.Internal;

namespace Heat.Client.Errors
{
    /// <summary>No answer: the connection was refused or reset, the name did not resolve, TLS failed, or the request timed out.</summary>
    public sealed class HeatConnectionException : HeatException
    {
        public HeatConnectionException(string method, Uri uri, string message, Exception? inner = null)
            : base(message, inner)
        {
            FailedMethod = method;
            FailedUri = Secrets.RedactUri(uri);
        }

        public string FailedMethod { get; }

        public Uri? FailedUri { get; }

        /// <summary>
        /// The server's TLS certificate did not validate against the system's trusted roots, and no CA of the cloud's own
        /// was given: a cloud with a private CA needs its CA's certificate.
        /// </summary>
        public bool CertificateNotTrusted { get; internal set; }

        /// <summary>True when the request took longer than the session's timeout.</summary>
        public bool IsTimeout { get; internal set; }
    }
}
