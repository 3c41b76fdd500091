using System;
using System.Net;

namespace Heat.Client.Errors
{
    /// <summary>401: the credentials or the token were not accepted.</summary>
    public sealed class HeatAuthenticationException : HeatException
    {
        public HeatAuthenticationException(HttpStatusCode code, string message, string? type, string? method, Uri? uri)
            : base(code, message, type, method, uri) { }
    }
}
