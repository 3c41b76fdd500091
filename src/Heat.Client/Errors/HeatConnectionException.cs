using System;
using Heat.Client.Internal;

namespace Heat.Client
{
    /// <summary>No answer: the connection was refused or reset, the name did not resolve, TLS failed, or the request timed out.</summary>
    public sealed class HeatConnectionException : HeatException
    {
        public HeatConnectionException(string method, Uri uri, string message, Exception inner = null)
            : base(message, inner)
        {
            FailedMethod = method;
            FailedUri = Secrets.RedactUri(uri);
        }

        public string FailedMethod { get; }

        public Uri FailedUri { get; }

        /// <summary>True when the request took longer than the session's timeout.</summary>
        public bool IsTimeout { get; internal set; }
    }
}
