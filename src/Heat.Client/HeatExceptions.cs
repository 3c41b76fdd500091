using System;
using System.Net;

namespace Heat.Client
{
    /// <summary>A request to Heat or Keystone that did not succeed. The message is the server's own words.</summary>
    public class HeatException : Exception
    {
        public HeatException(string message, Exception inner = null) : base(message, inner) { }

        public HeatException(HttpStatusCode statusCode, string message, string errorType, string method, Uri requestUri)
            : base(message)
        {
            StatusCode = statusCode;
            ErrorType = errorType;
            Method = method;
            RequestUri = requestUri;
        }

        /// <summary>The HTTP status code, or null when no response came back.</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>Heat's own error type (for example <c>StackValidationFailed</c>), when it gave one.</summary>
        public string ErrorType { get; }

        public string Method { get; }

        public Uri RequestUri { get; }
    }

    /// <summary>400: Heat refused the request, usually a template or parameter Heat could not accept.</summary>
    public sealed class HeatBadRequestException : HeatException
    {
        public HeatBadRequestException(HttpStatusCode code, string message, string type, string method, Uri uri)
            : base(code, message, type, method, uri) { }
    }

    /// <summary>401: the credentials or the token were not accepted.</summary>
    public sealed class HeatAuthenticationException : HeatException
    {
        public HeatAuthenticationException(HttpStatusCode code, string message, string type, string method, Uri uri)
            : base(code, message, type, method, uri) { }
    }

    /// <summary>403: authenticated, but not allowed to do this.</summary>
    public sealed class HeatForbiddenException : HeatException
    {
        public HeatForbiddenException(HttpStatusCode code, string message, string type, string method, Uri uri)
            : base(code, message, type, method, uri) { }
    }

    /// <summary>404: the stack, resource or event does not exist.</summary>
    public sealed class HeatNotFoundException : HeatException
    {
        public HeatNotFoundException(HttpStatusCode code, string message, string type, string method, Uri uri)
            : base(code, message, type, method, uri) { }
    }

    /// <summary>409: the request conflicts with the stack's state (a name already taken, an action in progress).</summary>
    public sealed class HeatConflictException : HeatException
    {
        public HeatConflictException(HttpStatusCode code, string message, string type, string method, Uri uri)
            : base(code, message, type, method, uri) { }
    }

    /// <summary>5xx: the server failed.</summary>
    public sealed class HeatServerException : HeatException
    {
        public HeatServerException(HttpStatusCode code, string message, string type, string method, Uri uri)
            : base(code, message, type, method, uri) { }
    }

    /// <summary>The cloud's catalog has no Heat endpoint for the requested interface and region.</summary>
    public sealed class HeatEndpointNotFoundException : HeatException
    {
        public HeatEndpointNotFoundException(string message) : base(message) { }
    }

    /// <summary>A stack operation reached a FAILED state while we waited for it.</summary>
    public sealed class HeatStackFailedException : HeatException
    {
        public HeatStackFailedException(string message, Models.HeatStack stack) : base(message) { Stack = stack; }

        public Models.HeatStack Stack { get; }
    }
}
