using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Keystone;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>
    /// clouds.yaml, secure.yaml and OS_* variables read as openstacksdk reads them (openstack/config/loader.py): the
    /// search order, the first file winning, secure.yaml merged over it, the default cloud, and errors that name the
    /// missing key or variable but never a secret.
    /// </summary>
    public sealed class CloudConfigTests : IDisposable
    {
        private const string Secret = "pa55-never-shown";
        private readonly string _root = Directory.CreateTempSubdirectory("heat-clouds-").FullName;
        private readonly Dictionary<string, string> _environment = new Dictionary<string, string>();

        public CloudConfigTests()
        {
            Directory.CreateDirectory(Cwd);
            Directory.CreateDirectory(Home);
        }

        private string Cwd => Path.Combine(_root, "work");

        private string Home => Path.Combine(_root, "home");

        private string UserConfig => Path.Combine(Home, ".config", "openstack");

        private CloudConfigLocations Where => new CloudConfigLocations(Cwd, Home, _environment);

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private string Write(string folder, string name, string text)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static string Cloud(string name, string url) => $"clouds:\n  {name}:\n    auth:\n      auth_url: {url}\n      username: demo\n      password: {Secret}\n";

        [Fact]
        public void SearchOrder_IsCurrentFolder_ThenUserConfig_ThenSite_WithOsClientConfigFileFirst()
        {
            _environment["OS_CLIENT_CONFIG_FILE"] = "/somewhere/mine.yaml";

            var files = CloudConfig.ConfigFiles(Where);

            Assert.Equal("/somewhere/mine.yaml", files[0]);
            Assert.Equal(Path.Combine(Cwd, "clouds.yaml"), files[1]);
            Assert.Equal(Path.Combine(Cwd, "clouds.yml"), files[2]);
            Assert.Equal(Path.Combine(Cwd, "clouds.json"), files[3]);
            Assert.Equal(Path.Combine(UserConfig, "clouds.yaml"), files[4]);
            Assert.Contains("/etc/openstack/clouds.yaml", files);
            Assert.True(files.ToList().IndexOf(Path.Combine(UserConfig, "clouds.yaml")) < files.ToList().IndexOf("/etc/openstack/clouds.yaml"));
            Assert.Equal(Path.Combine(Cwd, "secure.yaml"), CloudConfig.SecureFiles(Where)[0]);
        }

        [Fact]
        public void TheFirstFileFound_Wins_WholeNotMerged()
        {
            Write(Cwd, "clouds.yaml", Cloud("here", "http://here:5000/v3"));
            Write(UserConfig, "clouds.yaml", Cloud("there", "http://there:5000/v3"));

            Assert.Equal(new[] { "here" }, CloudConfig.CloudNames(Where));
            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("there", Where));
            Assert.Equal(CloudConfigProblem.NotFound, error.Problem);
            Assert.Equal($"There is no cloud 'there': {Path.Combine(Cwd, "clouds.yaml")} has only here.", error.Message);
        }

        [Fact]
        public void OsClientConfigFile_WinsOverTheCurrentFolder()
        {
            Write(Cwd, "clouds.yaml", Cloud("here", "http://here:5000/v3"));
            _environment["OS_CLIENT_CONFIG_FILE"] = Write(Path.Combine(_root, "elsewhere"), "ci.yaml", Cloud("ci", "http://ci:5000/v3"));

            var settings = CloudConfig.Resolve("ci", Where);

            Assert.Equal("http://ci:5000/v3", settings.AuthUrl);
        }

        [Fact]
        public void UserConfigFolder_IsReadWhenTheCurrentFolderHasNone()
        {
            Write(UserConfig, "clouds.yml", Cloud("mine", "http://mine:5000/v3"));

            Assert.Equal("http://mine:5000/v3", CloudConfig.Resolve("mine", Where).AuthUrl);
        }

        [Fact]
        public void SecureYaml_IsMergedOverClouds_KeyByKey()
        {
            Write(Cwd, "clouds.yaml", "clouds:\n  prod:\n    auth:\n      auth_url: https://k:5000/v3\n      username: ops\n      project_name: web\n" +
                                      "      user_domain_name: Users\n    region_name: RegionOne\n");
            Write(UserConfig, "secure.yaml", $"clouds:\n  prod:\n    auth:\n      password: {Secret}\n    region_name: RegionTwo\n");

            var options = CloudConfig.Resolve("prod", Where).ToAuthOptions();

            Assert.Equal(AuthMethod.Password, options.Method);
            Assert.Equal("https://k:5000/v3", options.AuthUrl);
            Assert.Equal("ops", options.UserName);
            Assert.Equal(Secret, Secrets.Reveal(options.Password));
            Assert.True(options.Password.IsReadOnly());
            Assert.Equal("web", options.ProjectName);
            Assert.Equal("Users", options.UserDomainName);
            Assert.Equal("Default", options.ProjectDomainName);
            Assert.Equal("RegionTwo", options.Region);
        }

        [Fact]
        public void ApplicationCredential_InterfaceCacertAndDomainName_AreRead()
        {
            Write(Cwd, "clouds.yaml", "clouds:\n  ac:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: https://k:5000/v3\n" +
                                      $"      application_credential_id: ac-1\n      application_credential_secret: {Secret}\n" +
                                      "    interface: internalURL\n    cacert: ~/ca/cloud.pem\n    regions: [East, West]\n");

            var options = CloudConfig.Resolve("ac", Where).ToAuthOptions();

            Assert.Equal(AuthMethod.ApplicationCredential, options.Method);
            Assert.Equal("ac-1", options.ApplicationCredentialId);
            Assert.Equal(Secret, Secrets.Reveal(options.ApplicationCredentialSecret));
            Assert.Equal("internal", options.Interface);
            Assert.Equal(Path.Combine(Home, "ca", "cloud.pem"), options.CACertificatePath);
            Assert.Equal("East", options.Region);
            Assert.False(options.SkipCertificateCheck);
        }

        [Fact]
        public void DomainName_IsBothDomains_AndDashesAreUnderscores()
        {
            Write(Cwd, "clouds.yaml", "clouds:\n  d:\n    auth:\n      auth-url: https://k/v3\n      username: u\n      password: p\n" +
                                      "      project-name: web\n      domain_name: Corp\n");

            var options = CloudConfig.Resolve("d", Where).ToAuthOptions();

            Assert.Equal("https://k/v3", options.AuthUrl);
            Assert.Equal("web", options.ProjectName);
            Assert.Equal("Corp", options.UserDomainName);
            Assert.Equal("Corp", options.ProjectDomainName);
        }

        [Fact]
        public void VerifyFalse_SkipsTheCheck_AndDropsTheCa()
        {
            Write(Cwd, "clouds.yaml", Cloud("lab", "https://k/v3") + "    verify: false\n    cacert: /ca.pem\n");

            var options = CloudConfig.Resolve("lab", Where).ToAuthOptions();

            Assert.True(options.SkipCertificateCheck);
            Assert.Null(options.CACertificatePath);
        }

        [Fact]
        public void TokenAuthType_AndAnEndpointOverride()
        {
            Write(Cwd, "clouds.yaml", "clouds:\n  t:\n    auth_type: token\n    auth:\n      auth_url: https://k/v3\n      token: tok\n      project_id: p1\n" +
                                      "    orchestration_endpoint_override: https://heat:8004/v1/p1\n");

            var options = CloudConfig.Resolve("t", Where).ToAuthOptions();

            Assert.Equal(AuthMethod.Token, options.Method);
            Assert.Equal("tok", Secrets.Reveal(options.Token));
            Assert.Equal("p1", options.ProjectId);
            Assert.Equal("https://heat:8004/v1/p1", options.HeatEndpoint);
        }

        [Fact]
        public void NoName_UsesOsCloud_ThenTheOsVariables_ThenTheOnlyCloud()
        {
            Write(Cwd, "clouds.yaml", Cloud("a", "http://a/v3") + Cloud("b", "http://b/v3").Replace("clouds:\n", string.Empty));
            _environment["OS_CLOUD"] = "b";
            _environment["OS_AUTH_URL"] = "http://env/v3";
            Assert.Equal("http://b/v3", CloudConfig.Resolve(null, Where).AuthUrl);

            _environment.Remove("OS_CLOUD");
            Assert.Equal("http://env/v3", CloudConfig.Resolve(null, Where).AuthUrl);
            Assert.True(CloudConfig.Resolve(null, Where).Origin.IsEnvironment);

            _environment.Remove("OS_AUTH_URL");
            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve(null, Where));
            Assert.Contains("has 2 clouds (a, b).", error.Message);
            Assert.True(error.NoCloudChosen);

            Write(Cwd, "clouds.yaml", Cloud("only", "http://only/v3"));
            Assert.Equal("http://only/v3", CloudConfig.Resolve(null, Where).AuthUrl);
        }

        [Fact]
        public void OpenrcVariables_MakeACloud()
        {
            _environment["OS_AUTH_URL"] = "http://127.0.0.1:5000/v3";
            _environment["OS_USERNAME"] = "demo";
            _environment["OS_PASSWORD"] = Secret;
            _environment["OS_PROJECT_NAME"] = "demo";
            _environment["OS_USER_DOMAIN_NAME"] = "Default";
            _environment["OS_PROJECT_DOMAIN_NAME"] = "Projects";
            _environment["OS_REGION_NAME"] = "RegionOne";
            _environment["OS_INTERFACE"] = "public";
            _environment["OS_IDENTITY_API_VERSION"] = "3";
            _environment["OS_CACERT"] = "ca.pem";

            var options = CloudConfig.Resolve(null, Where).ToAuthOptions();

            Assert.Equal("http://127.0.0.1:5000/v3", options.AuthUrl);
            Assert.Equal("demo", options.UserName);
            Assert.Equal(Secret, Secrets.Reveal(options.Password));
            Assert.Equal("Projects", options.ProjectDomainName);
            Assert.Equal("RegionOne", options.Region);
            Assert.Equal(Path.Combine(Cwd, "ca.pem"), options.CACertificatePath);
        }

        [Fact]
        public void OpenrcApplicationCredential_IsInferredFromAuthType()
        {
            _environment["OS_AUTH_TYPE"] = "v3applicationcredential";
            _environment["OS_AUTH_URL"] = "http://k/v3";
            _environment["OS_APPLICATION_CREDENTIAL_ID"] = "ac-9";
            _environment["OS_APPLICATION_CREDENTIAL_SECRET"] = Secret;

            var options = CloudConfig.Resolve(null, Where).ToAuthOptions();

            Assert.Equal(AuthMethod.ApplicationCredential, options.Method);
            Assert.Equal("ac-9", options.ApplicationCredentialId);
        }

        [Theory]
        [InlineData("OS_PASSWORD")]
        [InlineData("OS_AUTH_URL")]
        [InlineData("OS_USERNAME")]
        public void AMissingVariable_IsNamed(string missing)
        {
            _environment["OS_AUTH_URL"] = "http://k/v3";
            _environment["OS_USERNAME"] = "demo";
            _environment["OS_PASSWORD"] = Secret;
            _environment["OS_PROJECT_NAME"] = "demo";
            _environment.Remove(missing);

            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve(null, Where).ToAuthOptions());

            Assert.Equal(CloudConfigProblem.Incomplete, error.Problem);
            Assert.StartsWith(missing + " is not set", error.Message);
            Assert.DoesNotContain(Secret, error.Message);
        }

        [Fact]
        public void OnlySelectorVariables_AreNoCloud()
        {
            _environment["OS_REGION_NAME"] = "RegionOne";

            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve(null, Where));

            Assert.Equal(CloudConfigProblem.NotFound, error.Problem);
            Assert.StartsWith("Nothing says which cloud to connect to", error.Message);
        }

        [Fact]
        public void AMissingKeyInTheFile_IsNamed_WithTheFiles()
        {
            var clouds = Write(Cwd, "clouds.yaml", "clouds:\n  prod:\n    auth:\n      auth_url: https://k/v3\n      username: ops\n");
            var secure = Write(Cwd, "secure.yaml", "clouds:\n  other: {}\n");

            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("prod", Where).ToAuthOptions());

            Assert.Equal($"Cloud 'prod' in {clouds} has no auth.password (nor has {secure}): add it.", error.Message);
            Assert.Equal(("password", AuthMethod.Password), (error.MissingSetting, error.Method));
        }

        [Fact]
        public void AnUnsupportedAuthType_IsNamed()
        {
            Write(Cwd, "clouds.yaml", Cloud("sso", "https://k/v3") + "    auth_type: v3oidcpassword\n");

            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("sso", Where).ToAuthOptions());

            Assert.Contains("auth_type 'v3oidcpassword' is not supported; use password, v3applicationcredential or token", error.Message);
        }

        [Fact]
        public void BrokenYaml_IsAnErrorWithItsPlace_NotItsText()
        {
            var path = Write(Cwd, "clouds.yaml", $"clouds:\n  prod:\n    auth:\n      password: {Secret}\n     username: [\n");

            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("prod", Where));

            Assert.Equal(CloudConfigProblem.Invalid, error.Problem);
            Assert.StartsWith(path + " is not valid YAML or JSON (line ", error.Message);
            Assert.DoesNotContain(Secret, error.Message);
            Assert.Empty(CloudConfig.CloudNames(Where));
        }

        [Fact]
        public void ASecretOfTheWrongShape_IsNamedButNotShown()
        {
            Write(Cwd, "clouds.yaml", $"clouds:\n  prod:\n    auth:\n      auth_url: https://k/v3\n      username: u\n      password: [{Secret}]\n");

            var error = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("prod", Where));

            Assert.Contains("auth.password is a array, not a single value", error.Message);
            Assert.DoesNotContain(Secret, error.Message);
        }

        [Fact]
        public void AnAliasBomb_OrAFileTooLarge_IsRefused()
        {
            var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
            for (int i = 0; i < 9; i++) bomb += $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n";
            Write(Cwd, "clouds.yaml", bomb);
            Assert.Equal(CloudConfigProblem.Invalid, Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("x", Where)).Problem);

            Write(Cwd, "clouds.yaml", "clouds: {}\n" + new string('#', CloudConfig.MaxFileBytes));
            var large = Assert.Throws<CloudConfigException>(() => CloudConfig.Resolve("x", Where));
            Assert.Contains("is over " + CloudConfig.MaxFileBytes + " bytes", large.Message);
        }

        [Fact]
        public void CloudNames_AreSorted_AndIncludeSecureOnlyClouds()
        {
            Write(Cwd, "clouds.yaml", Cloud("zeta", "http://z/v3") + Cloud("alpha", "http://a/v3").Replace("clouds:\n", string.Empty));
            Write(Cwd, "secure.yaml", "clouds:\n  beta:\n    auth:\n      password: x\n");

            Assert.Equal(new[] { "alpha", "beta", "zeta" }, CloudConfig.CloudNames(Where));
        }
    }
}
