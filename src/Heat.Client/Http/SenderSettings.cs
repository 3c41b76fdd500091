using System;

namespace Heat.Client.Http
{
    /// <summary>How the one sender behaves: limits and patience. Fixed for a session's life.</summary>
    internal sealed class SenderSettings
    {
        /// <summary>How long one attempt may take, body included.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Retries of a transient failure (0: none).</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>The first retry's delay; it doubles each time, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A Retry-After longer than this is not waited for: the failure is reported instead.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The largest response body read (after decompression), unless a call sets its own.</summary>
        public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

        /// <summary>Accept any certificate from the cloud's own origins (Keystone, Heat); never from other hosts.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>The cloud's own CA certificates: its origins must chain to one of them (not to the system store).
        /// Null: the system store. <see cref="SkipCertificateCheck"/> wins over this.</summary>
        public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? TrustedAuthorities { get; set; }
    }
}
