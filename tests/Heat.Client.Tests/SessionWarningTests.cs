using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Heat.Client.Tests.Hostile;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>
    /// What a session reports about how it was set up (HeatSession.Warnings; the cmdlet layer writes them): a token that
    /// leaves an https Keystone for a plain-http Heat, and a clouds file of the current folder that takes a secret from
    /// the user's own secure file. The reference clients do both without a word.
    /// </summary>
    public sealed class SessionWarningTests : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("heat-warnings-").FullName;
        private readonly Dictionary<string, string> _environment = new Dictionary<string, string>();

        public SessionWarningTests()
        {
            Directory.CreateDirectory(Cwd);
        }

        private string Cwd => Path.Combine(_root, "repo");

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

        private const string PlantedClouds = "clouds:\n  prod:\n    auth:\n      auth_url: https://keystone.attacker.example/v3\n      username: demo\n      project_name: demo\n";

        private const string OwnSecure = "clouds:\n  prod:\n    auth:\n      password: pa55-of-the-user\n";

        private IReadOnlyList<string> WarningsOf(CloudSettings settings) => settings.ToAuthOptions().SetupWarnings;

        [Fact]
        public void A_clouds_file_of_the_current_folder_that_takes_the_password_from_the_users_secure_file_is_named()
        {
            var clouds = Write(Cwd, "clouds.yaml", PlantedClouds);
            var secure = Write(UserConfig, "secure.yaml", OwnSecure);

            var warning = Assert.Single(WarningsOf(CloudConfig.Resolve("prod", Where)));

            Assert.Contains(clouds, warning);
            Assert.Contains(secure, warning);
            Assert.Contains("https://keystone.attacker.example/v3", warning);
            Assert.Contains("password", warning);
            Assert.DoesNotContain("pa55-of-the-user", warning);
        }

        [Fact]
        public void An_application_credential_secret_taken_that_way_is_named_too()
        {
            Write(Cwd, "clouds.yaml", "clouds:\n  prod:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: https://k.example/v3\n      application_credential_id: abc\n");
            Write(UserConfig, "secure.yaml", "clouds:\n  prod:\n    auth:\n      application_credential_secret: s3cret\n");

            var warning = Assert.Single(WarningsOf(CloudConfig.Resolve("prod", Where)));

            Assert.Contains("application_credential_secret", warning);
        }

        [Fact]
        public void No_warning_when_the_files_are_the_users_own_or_the_secret_is_not_used()
        {
            // Both files in the user's config folder.
            Write(UserConfig, "clouds.yaml", PlantedClouds);
            Write(UserConfig, "secure.yaml", OwnSecure);
            Assert.Empty(WarningsOf(CloudConfig.Resolve("prod", Where)));

            // Both in the current folder: the password is the folder's own, and nothing of the user's goes anywhere.
            Write(Cwd, "clouds.yaml", PlantedClouds);
            Write(Cwd, "secure.yaml", OwnSecure);
            Assert.Empty(WarningsOf(CloudConfig.Resolve("prod", Where)));
            File.Delete(Path.Combine(Cwd, "secure.yaml"));

            // The current folder's file named on purpose with OS_CLIENT_CONFIG_FILE.
            _environment["OS_CLIENT_CONFIG_FILE"] = Path.Combine(Cwd, "clouds.yaml");
            Assert.Empty(WarningsOf(CloudConfig.Resolve("prod", Where)));
            _environment.Remove("OS_CLIENT_CONFIG_FILE");

            // A password given explicitly replaces the secure file's (Connect-HeatService -Credential).
            var settings = CloudConfig.Resolve("prod", Where);
            Assert.Single(WarningsOf(settings));
            settings.Password = TestCloud.Secure("given-here");
            Assert.Empty(WarningsOf(settings));
        }

        private static AuthOptions PasswordOptions(FakeServer keystone) => new AuthOptions
        {
            AuthUrl = keystone.Url("v3"),
            UserName = "demo",
            Password = TestCloud.Secure(Hostile.Hostile.Password),
            ProjectName = "demo",
            SkipCertificateCheck = true,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };

        [CertificateFact]
        public async Task A_token_from_an_https_Keystone_for_a_plain_http_Heat_of_the_catalog_is_reported_once()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{}")))
            using (var keystone = new FakeServer(_ => Hostile.Hostile.TokenReply(heat), tls: true))
            using (var session = await HeatSession.ConnectAsync(PasswordOptions(keystone)))
            {
                var warning = Assert.Single(session.Warnings);

                Assert.Contains(keystone.Url("v3"), warning);
                Assert.Contains(heat.Url("v1/p1"), warning);
                Assert.Contains("unencrypted", warning);
            }
        }

        [CertificateFact]
        public async Task No_such_warning_for_an_http_Keystone_or_a_Heat_endpoint_given_explicitly()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{}")))
            using (var plainKeystone = new FakeServer(_ => Hostile.Hostile.TokenReply(heat)))
            using (var tlsKeystone = new FakeServer(_ => Hostile.Hostile.TokenReply(heat), tls: true))
            {
                var options = PasswordOptions(tlsKeystone);
                options.HeatEndpoint = heat.Url("v1/p1");
                using (var plain = await HeatSession.ConnectAsync(PasswordOptions(plainKeystone)))
                using (var chosen = await HeatSession.ConnectAsync(options))
                {
                    Assert.Empty(plain.Warnings);
                    Assert.Empty(chosen.Warnings);
                }
            }
        }
    }
}
