using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Security;

namespace Heat.Client.Keystone
{
    /// <summary>How to reach and authenticate to a cloud. Secrets stay in SecureStrings until the request body is written.</summary>
    public sealed class AuthOptions
    {
        public AuthMethod Method { get; set; } = AuthMethod.Password;

        /// <summary>Keystone's URL; <c>.../v2.0</c> selects the legacy tokens API, anything else v3.</summary>
        public string? AuthUrl { get; set; }

        public string? UserName { get; set; }

        public string? UserId { get; set; }

        public SecureString? Password { get; set; }

        public string UserDomainName { get; set; } = "Default";

        public string? UserDomainId { get; set; }

        public string? ProjectName { get; set; }

        public string? ProjectId { get; set; }

        public string ProjectDomainName { get; set; } = "Default";

        public string? ProjectDomainId { get; set; }

        public string? ApplicationCredentialId { get; set; }

        public string? ApplicationCredentialName { get; set; }

        public SecureString? ApplicationCredentialSecret { get; set; }

        /// <summary>A token obtained elsewhere (with <see cref="HeatEndpoint"/>).</summary>
        public SecureString? Token { get; set; }

        /// <summary>Overrides the endpoint from the catalog.</summary>
        public string? HeatEndpoint { get; set; }

        public string? Region { get; set; }

        /// <summary>The clouds.yaml name these options came from (null for parameters or OS_* variables): the name a
        /// session answers to, and what objects read through it say they came from.</summary>
        public string? CloudName { get; set; }

        /// <summary>public, internal or admin.</summary>
        public string Interface { get; set; } = "public";

        /// <summary>Accept any TLS certificate. Off unless the user asks.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>
        /// A PEM file of CA certificates (one or several): the cloud's own origins (Keystone, Heat) must present a
        /// certificate that chains to one of them, instead of to the system's store (as <c>cacert</c> does in
        /// openstacksdk and requests). Other hosts (a template URL) are checked against the system store as usual.
        /// </summary>
        public string? CACertificatePath { get; set; }

        /// <summary>How long one HTTP request may take (each attempt, body included).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How often a safe request is retried after a transient failure (refused or reset connection, 429, 502-504, timeout); 0 for never.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>The largest response body read from Keystone or Heat (after decompression).</summary>
        public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

        /// <summary>What the settings these options were made from want the user to know (<see cref="CloudSettings"/>);
        /// a session made from them reports it in <see cref="HeatSession.Warnings"/>.</summary>
        internal IReadOnlyList<string> SetupWarnings { get; set; } = Array.Empty<string>();

        /// <summary>The first retry's delay (it doubles); tests make it short.</summary>
        internal TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// A copy the session owns: the caller may dispose or change its SecureStrings once connected, and the session
        /// must still be able to authenticate again.
        /// </summary>
        internal AuthOptions Clone()
        {
            var copy = (AuthOptions)MemberwiseClone();
            copy.Password = CopyOf(Password);
            copy.ApplicationCredentialSecret = CopyOf(ApplicationCredentialSecret);
            copy.Token = CopyOf(Token);
            return copy;
        }

        internal void DisposeSecrets()
        {
            Password?.Dispose();
            ApplicationCredentialSecret?.Dispose();
            Token?.Dispose();
        }

        [return: NotNullIfNotNull("secret")]
        private static SecureString? CopyOf(SecureString? secret)
        {
            if (secret == null) return null;
            var copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }
    }
}
