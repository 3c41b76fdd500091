using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>
    /// A success status with a body that is not what the route promises: not JSON (a proxy's login page), cut short,
    /// nested too deep, too large, or without the envelope (<c>stack</c>, <c>stacks</c>, ...), or a listing past
    /// <see cref="ListingLimits"/>. Never read as an empty result.
    /// </summary>
    public sealed class HeatInvalidResponseException : HeatException
    {
        public HeatInvalidResponseException(HttpStatusCode status, string method, Uri? uri, string? contentType, string problem, Exception? inner = null)
            : base($"{method} {uri} answered {(int)status} ({contentType ?? "no content type"}) but {problem}.", inner)
        {
            ResponseStatus = status;
            ContentType = contentType;
        }

        /// <summary>Every response was well formed, but together they are not what the route promises (a listing without end).</summary>
        public HeatInvalidResponseException(string message) : base(message)
        {
            ResponseStatus = HttpStatusCode.OK;
        }

        public HttpStatusCode ResponseStatus { get; }

        public string? ContentType { get; }
    }
}
