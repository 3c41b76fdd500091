using System;

namespace Heat.Client.Errors
{
    /// <summary>The auth URL does not lead to a Keystone identity API (a wrong path, another service's port).</summary>
    public sealed class HeatIdentityNotFoundException : HeatException
    {
        public HeatIdentityNotFoundException(string message, Uri requestUri, Exception? inner = null) : base(message, inner)
        {
            TriedUri = Internal.Secrets.RedactUri(requestUri);
        }

        /// <summary>The URL that was asked for a token.</summary>
        public Uri? TriedUri { get; }
    }
}
