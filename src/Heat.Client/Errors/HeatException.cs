using System;
using System.Net;
using Heat.Client.Internal;

namespace Heat.Client.Errors
{
    /// <summary>
    /// A request to Heat or Keystone that did not succeed. The message is the server's own words. The message, the inner
    /// exceptions' messages and <see cref="RequestUri"/> never hold a credential from a URL (they pass through the one
    /// redactor, whatever built them).
    /// </summary>
    public class HeatException : Exception
    {
        public HeatException(string message, Exception? inner = null) : base(Secrets.RedactText(message), Secrets.Redact(inner)) { }

        public HeatException(HttpStatusCode statusCode, string message, string? errorType, string? method, Uri? requestUri)
            : base(Secrets.RedactText(message))
        {
            StatusCode = statusCode;
            ErrorType = errorType;
            Method = method;
            RequestUri = Secrets.RedactUri(requestUri);
        }

        /// <summary>The HTTP status code, or null when no response came back.</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>Heat's own error type (for example <c>StackValidationFailed</c>), when it gave one.</summary>
        public string? ErrorType { get; }

        public string? Method { get; }

        public Uri? RequestUri { get; }

        /// <summary>The same request may succeed later (a 502/503/504, a 429, a refused or reset connection, a timeout).</summary>
        public bool IsTransient { get; internal set; }

        /// <summary>
        /// The request may have been carried out although no clear answer came back (a reset after sending, a timeout,
        /// a gateway error): a create, update or delete must not be sent again blindly.
        /// </summary>
        public bool MayHaveBeenProcessed { get; internal set; }

        /// <summary>How long the server asked to wait (Retry-After), when it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }
    }
}
