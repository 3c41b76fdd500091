using System;
using System.Net;

namespace Heat.Client
{
    /// <summary>The auth URL does not lead to a Keystone identity API (a wrong path, another service's port).</summary>
    public sealed class HeatIdentityNotFoundException : HeatException
    {
        public HeatIdentityNotFoundException(string message, Uri requestUri, Exception inner = null) : base(message, inner)
        {
            TriedUri = Internal.Secrets.RedactUri(requestUri);
        }

        /// <summary>The URL that was asked for a token.</summary>
        public Uri TriedUri { get; }
    }

    /// <summary>Keystone authenticated the user but gave a token scoped to no project, which has no service catalog.</summary>
    public sealed class HeatUnscopedTokenException : HeatException
    {
        public HeatUnscopedTokenException(string message) : base(message) { }
    }
}
