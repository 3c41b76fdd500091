using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>409: the request conflicts with the stack's state (a name already taken, an action in progress).</summary>
    public sealed class HeatConflictException : HeatException
    {
        public HeatConflictException(HttpStatusCode code, string message, string? type, string? method, Uri? uri)
            : base(code, message, type, method, uri) { }
    }
}
