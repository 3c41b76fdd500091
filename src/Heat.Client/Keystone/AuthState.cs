using System;

namespace Heat.Client.Keystone
{
    /// <summary>What one authentication produced. Immutable: a re-authentication swaps the whole object.</summary>
    internal sealed class AuthState
    {
        public string Token { get; set; }

        public DateTime? ExpiresAt { get; set; }

        public string UserId { get; set; }

        public string UserName { get; set; }

        public string ProjectId { get; set; }

        public string ProjectName { get; set; }

        public string KeystoneVersion { get; set; }

        public ServiceCatalog Catalog { get; set; }
    }
}
