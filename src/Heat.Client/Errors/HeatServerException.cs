using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>5xx: the server failed.</summary>
    public sealed class HeatServerException : HeatException
    {
        public HeatServerException(HttpStatusCode code, string message, string? type, string? method, Uri? uri)
            : base(code, message, type, method, uri) { }
    }
}
