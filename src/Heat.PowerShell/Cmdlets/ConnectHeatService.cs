using System;
using System.Management.Automation;
using System.Security;
using Heat.Client;
using Heat.Client.Keystone;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Authenticates to Keystone and finds Heat; the session becomes the default for every Heat cmdlet.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "HeatService", DefaultParameterSetName = PasswordSet)]
    [OutputType(typeof(HeatSession))]
    public sealed class ConnectHeatService : AsyncCmdlet
    {
        public const string PasswordSet = "Password";
        public const string AppCredentialIdSet = "ApplicationCredentialId";
        public const string AppCredentialNameSet = "ApplicationCredentialName";
        public const string TokenSet = "Token";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PasswordSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppCredentialIdSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppCredentialNameSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [ValidateNotNullOrEmpty]
        public string AuthUrl { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PasswordSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        [Alias("TenantName")]
        public string ProjectName { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        [Alias("TenantId")]
        public string ProjectId { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        public string UserDomainName { get; set; } = "Default";

        [Parameter(ParameterSetName = PasswordSet)]
        public string ProjectDomainName { get; set; } = "Default";

        [Parameter(Mandatory = true, ParameterSetName = AppCredentialIdSet)]
        [ValidateNotNullOrEmpty]
        public string ApplicationCredentialId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AppCredentialNameSet)]
        [ValidateNotNullOrEmpty]
        public string ApplicationCredentialName { get; set; }

        /// <summary>The user who owns the named application credential.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialNameSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AppCredentialIdSet)]
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialNameSet)]
        [ValidateNotNull]
        public SecureString ApplicationCredentialSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString Token { get; set; }

        /// <summary>Heat's URL (<c>http://host:8004/v1/{project_id}</c>); overrides the catalog.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialIdSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNullOrEmpty]
        public string HeatEndpoint { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialIdSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        public string Region { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialIdSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        [ValidateSet("public", "internal", "admin")]
        public string Interface { get; set; } = "public";

        /// <summary>Accept any TLS certificate (self-signed labs). Certificates are checked unless this is given.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Seconds one HTTP request may take (each attempt, body included).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>How often a safe request (a read, a validation, a token request) is retried after a transient
        /// failure: a refused or reset connection, 429, 502, 503, 504, a timeout. Creates, updates and deletes are never
        /// sent twice unless the first provably did not arrive. 0 turns retries off.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var options = BuildOptions();
            HeatSession session;
            try
            {
                session = Await(HeatSession.ConnectAsync(options, trace: message => Post(() => WriteVerbose(message)), cancellationToken: CancellationToken));
            }
            catch (Exception e) when (e is HeatException || e is ArgumentException || e is UriFormatException)
            {
                var target = options.AuthUrl ?? options.HeatEndpoint;
                var record = e is UriFormatException
                    ? new ErrorRecord(e, "HeatAuthUrlInvalid", ErrorCategory.InvalidArgument, target)
                    : HeatCmdlet.ToErrorRecord(e, "HeatConnection", target);
                ThrowTerminatingError(record);
                return;
            }

            // The previous default is not disposed: a user may still hold it (from -PassThru) and use it.
            SessionStore.Default = session;
            WriteVerbose($"Connected to {session.HeatEndpoint} as {session.UserName ?? "(token)"} in project {session.ProjectName ?? session.ProjectId}" +
                         (session.ExpiresAt.HasValue ? $"; the token expires at {session.ExpiresAt:u}." : "."));
            if (PassThru) WriteObject(session);
        }

        private AuthOptions BuildOptions()
        {
            var options = new AuthOptions
            {
                AuthUrl = AuthUrl,
                HeatEndpoint = HeatEndpoint,
                Region = Region,
                Interface = Interface,
                SkipCertificateCheck = SkipCertificateCheck,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                UserDomainName = UserDomainName,
                ProjectDomainName = ProjectDomainName,
            };
            switch (ParameterSetName)
            {
                case PasswordSet:
                    options.Method = AuthMethod.Password;
                    options.UserName = Credential.UserName;
                    options.Password = Credential.Password;
                    options.ProjectName = ProjectName;
                    options.ProjectId = ProjectId;
                    break;
                case AppCredentialIdSet:
                    options.Method = AuthMethod.ApplicationCredential;
                    options.ApplicationCredentialId = ApplicationCredentialId;
                    options.ApplicationCredentialSecret = ApplicationCredentialSecret;
                    break;
                case AppCredentialNameSet:
                    options.Method = AuthMethod.ApplicationCredential;
                    options.ApplicationCredentialName = ApplicationCredentialName;
                    options.UserName = UserName;
                    options.ApplicationCredentialSecret = ApplicationCredentialSecret;
                    break;
                case TokenSet:
                    options.Method = AuthMethod.Token;
                    options.Token = Token;
                    break;
            }
            return options;
        }
    }
}
