using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Heat.Client;
using Heat.Client.Keystone;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Authenticates to Keystone and finds Heat; the session becomes the default for every Heat cmdlet.</para>
    /// </summary>
    /// <remarks>
    /// <para>Connect-HeatService signs in to Keystone (v3, or v2.0 when -AuthUrl ends in /v2.0; a bare URL gets /v3),
    /// finds Heat's endpoint in the service catalog (-Region, -Interface, or -HeatEndpoint to name it), and keeps the
    /// result as a HeatSession. That session becomes the default of this runspace: every other Heat cmdlet uses it
    /// unless given -Session.</para>
    /// <para>Where the settings come from, one parameter set each. Without arguments, from OpenStack's own
    /// configuration as the openstack command reads it: OS_CLOUD, else the OS_* variables of an openrc (OS_AUTH_URL,
    /// OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME ...), else the only cloud in clouds.yaml; it never prompts, and a
    /// missing piece is a HeatCloudConfigIncomplete error naming it. -Cloud names a cloud of clouds.yaml (merged with
    /// secure.yaml, found where openstacksdk looks). Or given here: a password (-Credential, with -ProjectName or
    /// -ProjectId and the user and project domains, Default unless given), an application credential by id, one by
    /// name with its owner's -UserName, or a token you already have (with -HeatEndpoint, or -AuthUrl to have Keystone
    /// scope it). Parameters given beside -Cloud or the variables win over them.</para>
    /// <para>Several clouds (-Cloud east, west, or a pattern such as prod-*) are connected at once, one session each; a
    /// cloud that fails is an error naming it and the others connect. Each session is kept by its cloud's name, which
    /// -Cloud on any cmdlet then picks (the reading cmdlets take several); the first becomes the default.
    /// Get-HeatSession lists them.</para>
    /// <para>Passwords, secrets and tokens are taken only as PSCredential or SecureString (or read from the files and
    /// variables above) and never appear in Verbose output or errors.</para>
    /// <para>Warnings, once: an https Keystone whose catalog gives Heat a plain http endpoint (the token would go there
    /// unencrypted; openstack and python-heatclient say nothing; give -HeatEndpoint), and a clouds.yaml of the current
    /// folder that takes a secret from your own secure.yaml, as openstacksdk does, so that folder decides where it goes.</para>
    /// <para>The session renews its token by itself before it expires (once, whatever the number of callers), retries
    /// safe requests after transient failures (-MaxRetries) and never sends a create, update or delete twice on a
    /// guess. TLS certificates are checked, against -CACertificatePath (or OS_CACERT, cacert) for a private CA, unless
    /// -SkipCertificateCheck is given; a token never follows a redirect to another host, port or scheme.</para>
    /// <para>Nothing is written unless -PassThru, which writes the HeatSession (user, project, endpoint, token expiry;
    /// never the token). Failures terminate: HeatAuthenticationFailed (naming the user, domains and project, never the
    /// password), HeatProjectNotAuthorized (the password is right but the user has no role on the project: the user's
    /// projects are listed), HeatIdentityNotFound (no Keystone at the URL), HeatHttpsUnsupported (an https URL for a
    /// server that speaks http), HeatTokenUnscoped (no project to scope to), HeatEndpointNotFound (no Heat in the
    /// catalog), HeatCloudNotFound and HeatCloudConfigInvalid (clouds.yaml), HeatConnectionArgumentInvalid (-AuthUrl
    /// without a credential, an application credential or a token).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-HeatService
    /// </code>
    /// <para>Connects with what the environment says: OS_CLOUD, or the OS_* variables of an openrc sourced by the shell
    /// that started pwsh, or the only cloud in clouds.yaml.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-HeatService -Cloud prod -CACertificatePath ./corp-ca.pem -PassThru
    /// </code>
    /// <para>Connects to the cloud named prod in clouds.yaml, trusting the company's CA for Keystone and Heat, and
    /// writes the session.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-HeatService -AuthUrl https://keystone.example:5000/v3 -Credential (Get-Credential) -ProjectName ops
    /// </code>
    /// <para>Signs in with a user name and password (asked for) to the project ops in the Default domain, and finds
    /// Heat in the catalog. Every Heat cmdlet in this session now uses this connection.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $session = Connect-HeatService -AuthUrl http://127.0.0.1:5000/v3 -Credential $cred -ProjectName demo -Region RegionOne -Interface internal -PassThru
    /// $session | Format-List UserName, ProjectName, HeatEndpoint, ExpiresAt
    /// </code>
    /// <para>Connects through the internal endpoint of RegionOne and keeps the session in a variable, for -Session or
    /// to see where it points.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $secret = Read-Host -AsSecureString -Prompt 'Application credential secret'
    /// Connect-HeatService -AuthUrl https://keystone.example:5000/v3 -ApplicationCredentialId 6cb5fa6a13184e6fab65ba2108adf50c -ApplicationCredentialSecret $secret
    /// </code>
    /// <para>Signs in with an application credential, the way for runbooks and scheduled jobs: the credential carries
    /// its own project and roles.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-HeatService -Token $token -HeatEndpoint http://127.0.0.1:8004/v1/0c2bd6b5e4e54f4a9d0f6a7e4f5e1c3d
    /// </code>
    /// <para>Uses a token obtained elsewhere (a SecureString) with Heat's URL, without asking Keystone.</para>
    /// </example>
    /// <notes>
    /// <para>The session is kept per runspace: a new runspace (a job, ForEach-Object -Parallel) has no default session, so pass
    /// it with -Session. Connecting again replaces the default session; the old one stays usable through a variable until
    /// Disconnect-HeatService. -Verbose shows each Keystone and Heat request (method, URL, status, time), never a secret.</para>
    /// </notes>
    [Cmdlet(VerbsCommunications.Connect, "HeatService", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(HeatSession))]
    public sealed partial class ConnectHeatService : AsyncCmdlet
    {
        public const string PasswordSet = "Password";
        public const string AppCredentialIdSet = "ApplicationCredentialId";
        public const string AppCredentialNameSet = "ApplicationCredentialName";
        public const string TokenSet = "Token";
        public const string CloudSet = "Cloud";
        public const string EnvironmentSet = "Environment";

        /// <summary>The name of a cloud in clouds.yaml (merged with secure.yaml), found where openstacksdk looks: the
        /// current folder, ~/.config/openstack, /etc/openstack, and first the file OS_CLIENT_CONFIG_FILE names. Its
        /// auth_type (password, v3applicationcredential, token), auth settings, region_name, interface, cacert and verify
        /// are used; any parameter given as well wins over the file. Without -Cloud and without -AuthUrl or -Token,
        /// Connect-HeatService uses OS_CLOUD, else the OS_* variables of an openrc file (OS_AUTH_URL, OS_USERNAME,
        /// OS_PASSWORD, OS_PROJECT_NAME ...), else the only cloud in clouds.yaml; it never prompts, and a missing
        /// piece is an error that names it. Several names, or patterns over the file's names, connect to each (see
        /// above).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CloudSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CloudNameCompleter))]
        public string[] Cloud { get; set; }

        /// <summary>Keystone's URL, such as https://keystone.example:5000/v3. One ending in /v2.0 uses Keystone's
        /// legacy v2.0 tokens API; a URL without a version gets /v3.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PasswordSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppCredentialIdSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppCredentialNameSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [ValidateNotNullOrEmpty]
        public string AuthUrl { get; set; }

        /// <summary>The user name and password (Get-Credential). The password stays a SecureString until it is sent to
        /// Keystone. With -AuthUrl, this or an application credential or a token is required.</summary>
        [Parameter(Position = 1, ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        /// <summary>The project (tenant) to scope the token to, by name, in -ProjectDomainName.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Alias("TenantName")]
        public string ProjectName { get; set; }

        /// <summary>The project (tenant) to scope the token to, by id.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Alias("TenantId")]
        public string ProjectId { get; set; }

        /// <summary>The user's Keystone domain. Default: Default.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        public string UserDomainName { get; set; } = "Default";

        /// <summary>The domain of -ProjectName. Default: Default.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        public string ProjectDomainName { get; set; } = "Default";

        /// <summary>The id of a Keystone application credential; with -ApplicationCredentialSecret it signs in without
        /// a user's password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialIdSet)]
        [ValidateNotNullOrEmpty]
        public string ApplicationCredentialId { get; set; }

        /// <summary>The name of an application credential of -UserName (in -UserDomainName).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialNameSet)]
        [ValidateNotNullOrEmpty]
        public string ApplicationCredentialName { get; set; }

        /// <summary>The user who owns the named application credential.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialNameSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; }

        /// <summary>The application credential's secret, as a SecureString (Read-Host -AsSecureString, or a secret
        /// store).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialIdSet)]
        [Parameter(Mandatory = true, ParameterSetName = AppCredentialNameSet)]
        [ValidateNotNull]
        public SecureString ApplicationCredentialSecret { get; set; }

        /// <summary>A Keystone token obtained elsewhere, as a SecureString. With -HeatEndpoint it is used as it is (not
        /// renewed); with only -AuthUrl, Keystone exchanges it for a token scoped to -ProjectName or -ProjectId, with a
        /// catalog to find Heat in.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString Token { get; set; }

        /// <summary>Heat's URL (<c>http://host:8004/v1/{project_id}</c>); overrides the catalog. With -Token and no
        /// -AuthUrl it is required; with -Token and -AuthUrl but no -HeatEndpoint, Keystone exchanges the token for one
        /// scoped to -ProjectName or -ProjectId and its catalog names Heat.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialIdSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNullOrEmpty]
        public string HeatEndpoint { get; set; }

        /// <summary>The region whose Heat endpoint to use, when the catalog has several.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialIdSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        public string Region { get; set; }

        /// <summary>Which catalog endpoint to use: public (default), internal or admin.</summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AppCredentialIdSet)]
        [Parameter(ParameterSetName = AppCredentialNameSet)]
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateSet("public", "internal", "admin")]
        public string Interface { get; set; } = "public";

        /// <summary>Accept any TLS certificate (self-signed labs). Certificates are checked unless this is given.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>A PEM file with the certificate of the private CA that signed the cloud's TLS certificates (one or
        /// several certificates). Keystone and Heat must then present a certificate that chains to one of them; the
        /// system's store is not used for them (as cacert in clouds.yaml and OS_CACERT do for the OpenStack client).
        /// Other hosts, such as a template URL, are checked against the system store as usual. Wins over OS_CACERT and
        /// cacert; -SkipCertificateCheck wins over it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CACertificatePath { get; set; }

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

        /// <summary>Write the new HeatSession (user, project, Heat's URL, token expiry; never the token), for -Session
        /// or a look.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            if (ParameterSetName == CloudSet && (Cloud.Length > 1 || Cloud.Any(WildcardPattern.ContainsWildcardCharacters)))
            {
                ConnectMany();
                return;
            }
            AuthOptions options;
            try
            {
                options = BuildOptions();
            }
            catch (CloudConfigException e)
            {
                ThrowTerminatingError(HeatCmdlet.ToErrorRecord(e, "HeatConnection", Cloud?[0]));
                return;
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(HeatCmdlet.ToErrorRecord(e, "HeatConnection", e is PSArgumentException ? AuthUrl : CACertificatePath));
                return;
            }
            HeatSession session;
            try
            {
                session = Await(HeatSession.ConnectAsync(options, trace: message => Post(() => WriteVerbose(message)), cancellationToken: CancellationToken));
            }
            catch (Exception e) when (e is HeatException || e is ArgumentException || e is UriFormatException)
            {
                var target = options.AuthUrl ?? options.HeatEndpoint;
                // A URL that does not parse is the auth URL here; elsewhere it would be another one.
                ThrowTerminatingError(e is UriFormatException
                    ? ErrorCatalog.Usage("HeatAuthUrlInvalid", e.Message, target, "AuthUrl")
                    : HeatCmdlet.ToErrorRecord(e, "HeatConnection", target));
                return;
            }

            // The previous default is not disposed: a user may still hold it (from -PassThru) and use it.
            SessionStore.Default = session;
            SessionStore.Remember(session);
            foreach (var warning in session.Warnings) WriteWarning(warning);
            WriteVerbose($"Connected to {session.HeatEndpoint} as {session.UserName ?? "(token)"} in project {session.ProjectName ?? session.ProjectId}" +
                         (session.ExpiresAt.HasValue ? $"; the token expires at {session.ExpiresAt:u}." : "."));
            if (PassThru) WriteObject(session);
        }

        /// <summary>Several clouds, connected at once; the first that connects becomes the default.</summary>
        private void ConnectMany()
        {
            var folder = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            var sessions = CloudSessions.Open(this, Cloud, FromConfiguration, folder, reuse: false);
            if (sessions.Count == 0) return;
            SessionStore.Default = sessions[0];
            foreach (var session in sessions)
            {
                WriteVerbose($"Connected to cloud {session.CloudName}: {session.HeatEndpoint} as {session.UserName ?? "(token)"} in project {session.ProjectName ?? session.ProjectId}.");
                if (PassThru) WriteObject(session);
            }
        }

        private bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
