using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>400: Heat refused the request, usually a template or parameter Heat could not accept.</summary>
    public sealed class HeatBadRequestException : HeatException
    {
        public HeatBadRequestException(HttpStatusCode code, string message, string? type, string? method, Uri? uri)
            : base(code, message, type, method, uri) { }
    }
}
