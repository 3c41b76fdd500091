using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>404: the stack, resource or event does not exist.</summary>
    public sealed class HeatNotFoundException : HeatException
    {
        public HeatNotFoundException(HttpStatusCode code, string message, string? type, string? method, Uri? uri)
            : base(code, message, type, method, uri) { }
    }
}
