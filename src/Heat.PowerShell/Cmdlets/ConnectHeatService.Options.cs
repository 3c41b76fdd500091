using System;
using System.Management.Automation;
using Heat.Client.Keystone;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Connect-HeatService's options: from its parameters, or from clouds.yaml and the OS_* variables with the
    /// parameters given on top.</summary>
    public sealed partial class ConnectHeatService
    {
        private string CACertificateFullPath() =>
            CACertificatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CACertificatePath);

        private AuthOptions BuildOptions()
        {
            if (ParameterSetName == CloudSet || ParameterSetName == EnvironmentSet) return FromConfiguration(ParameterSetName == CloudSet ? Cloud[0] : null);
            var options = new AuthOptions
            {
                AuthUrl = AuthUrl,
                HeatEndpoint = HeatEndpoint,
                Region = Region,
                Interface = Interface,
                SkipCertificateCheck = SkipCertificateCheck,
                CACertificatePath = CACertificateFullPath(),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                UserDomainName = UserDomainName,
                ProjectDomainName = ProjectDomainName,
            };
            switch (ParameterSetName)
            {
                case PasswordSet:
                    // Not mandatory: -AuthUrl alone then reaches this set, not "parameter set cannot be resolved".
                    if (Credential == null) throw new PSArgumentException(ErrorAdvice.MissingSignIn, nameof(Credential));
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
                    options.ProjectName = ProjectName;
                    options.ProjectId = ProjectId;
                    break;
            }
            return options;
        }

        /// <summary>clouds.yaml (a cloud's name, else OS_CLOUD) or the OS_* variables, then every parameter given on top.</summary>
        private AuthOptions FromConfiguration(string cloud)
        {
            var where = CloudConfigLocations.ForThisMachine(SessionState.Path.CurrentFileSystemLocation.ProviderPath);
            var settings = CloudConfig.Resolve(cloud, where);
            WriteVerbose($"Using {settings.Origin}.");
            if (Credential != null)
            {
                settings.AuthType = "password";
                settings.UserName = Credential.UserName;
                settings.UserId = null;
                settings.Password = Credential.Password;
            }
            if (Given(nameof(ProjectName)))
            {
                settings.ProjectName = ProjectName;
                settings.ProjectId = null;
            }
            if (Given(nameof(ProjectId))) settings.ProjectId = ProjectId;
            if (Given(nameof(UserDomainName)))
            {
                settings.UserDomainName = UserDomainName;
                settings.UserDomainId = null;
            }
            if (Given(nameof(ProjectDomainName)))
            {
                settings.ProjectDomainName = ProjectDomainName;
                settings.ProjectDomainId = null;
            }
            if (Given(nameof(Region))) settings.Region = Region;
            if (Given(nameof(Interface))) settings.Interface = Interface;
            if (Given(nameof(HeatEndpoint))) settings.HeatEndpoint = HeatEndpoint;
            if (Given(nameof(CACertificatePath)))
            {
                settings.CACertificatePath = CACertificateFullPath();
                settings.SkipCertificateCheck = false;
            }
            if (SkipCertificateCheck) settings.SkipCertificateCheck = true;
            var options = settings.ToAuthOptions();
            options.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            options.MaxRetries = MaxRetries;
            return options;
        }
    }
}
