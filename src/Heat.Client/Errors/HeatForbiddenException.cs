using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>403: authenticated, but not allowed to do this.</summary>
    public sealed class HeatForbiddenException : HeatException
    {
        public HeatForbiddenException(HttpStatusCode code, string message, string? type, string? method, Uri? uri)
            : base(code, message, type, method, uri) { }
    }
}
