using System;

namespace Heat.Client.Keystone
{
    /// <summary>What one authentication produced. Immutable: a re-authentication swaps the whole object.</summary>
    internal sealed class AuthState
    {
        public AuthState(string token, ServiceCatalog catalog)
        {
            Token = token;
            Catalog = catalog;
        }

        public string Token { get; }

        /// <summary>When the token expires, as the server says (UTC).</summary>
        public DateTime? ExpiresAt { get; set; }

        /// <summary>When the token was issued, as the server says (UTC); with <see cref="ExpiresAt"/> it gives the token's lifetime.</summary>
        public DateTime? IssuedAt { get; set; }

        /// <summary>When this machine received the token.</summary>
        public DateTime ReceivedAt { get; set; } = DateTime.UtcNow;

        /// <summary>
        /// When the token expires by this machine's clock: received + (expires - issued) when the server says both, so a
        /// clock that is off does not make a fresh token look expired. Null when unknown.
        /// </summary>
        public DateTime? LocalExpiresAt =>
            ExpiresAt.HasValue && IssuedAt.HasValue && ExpiresAt.Value > IssuedAt.Value
                ? ReceivedAt + (ExpiresAt.Value - IssuedAt.Value)
                : ExpiresAt;

        /// <summary>
        /// False when a fresh token already looked expired by our clock: renewing it before each call would renew on
        /// every call, so this token is used until the server refuses it (401).
        /// </summary>
        public bool RenewBeforeExpiry { get; set; } = true;

        public string? UserId { get; set; }

        public string? UserName { get; set; }

        public string? ProjectId { get; set; }

        public string? ProjectName { get; set; }

        public string? KeystoneVersion { get; set; }

        public ServiceCatalog Catalog { get; }
    }
}
