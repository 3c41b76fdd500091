using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Connect-HeatService writes what the session reports about how it was set up, once, as warnings: a token from an
    /// https Keystone that goes to a plain-http Heat, a clouds.yaml of the current folder that takes the user's password.
    /// </summary>
    public class ConnectWarningTests
    {
        private const string IssuedToken = "gAAAAABwarn-token";

        private static FakeServer Keystone(FakeServer heat, bool tls) => new FakeServer(request =>
            request.Path == "/v3/auth/tokens"
                ? FakeReply.Json(HeatFixtures.KeystoneV3Token(heatEndpoint: heat.Url("v1/" + FakeHeat.ProjectId)).ToString(), 201).Header("X-Subject-Token", IssuedToken)
                : FakeReply.Json("{}", 404), tls: tls);

        private static FakeServer Heat(bool tls = false) => new FakeServer(_ => FakeReply.Json(HeatFixtures.List("stacks").ToString()), tls: tls);

        private static PowerShellHost Host(FakeServer keystone)
        {
            var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("authUrl", keystone.Url("v3"));
            host.Runspace.SessionStateProxy.SetVariable("credential", new PSCredential("demo", FakeHeat.Secure(FakeHeat.Password)));
            return host;
        }

        private static string[] Warnings(PowerShellHost.Result result) =>
            result.Output.Select(o => o.BaseObject).OfType<WarningRecord>().Select(w => w.Message).ToArray();

        [Fact]
        public void A_plain_http_Heat_behind_an_https_Keystone_is_a_warning_written_once()
        {
            using var heat = Heat();
            using var keystone = Keystone(heat, tls: true);
            using var host = Host(keystone);

            var result = host.Run("Connect-HeatService $authUrl $credential -ProjectName demo -SkipCertificateCheck -WarningVariable w; " +
                                  "Get-HeatStack -WarningVariable +w; $w");

            var warning = Assert.Single(Warnings(result));
            Assert.Contains(keystone.Url("v3"), warning);
            Assert.Contains(heat.Url("v1/" + FakeHeat.ProjectId), warning);
            Assert.Contains("plain http", warning);
        }

        [Fact]
        public void An_https_Keystone_whose_catalog_gives_an_https_Heat_says_nothing()
        {
            using var heat = Heat(tls: true);
            using var keystone = Keystone(heat, tls: true);
            using var host = Host(keystone);

            var result = host.Run("Connect-HeatService $authUrl $credential -ProjectName demo -SkipCertificateCheck -WarningVariable w; Get-HeatStack; $w");

            Assert.Empty(Warnings(result));
        }

        [Fact]
        public void A_clouds_yaml_of_the_current_folder_that_takes_the_users_password_is_a_warning_naming_both_files()
        {
            if (!OperatingSystem.IsLinux())
            {
                return; // the user's config folder is found through XDG_CONFIG_HOME here
            }
            using var heat = Heat();
            using var keystone = Keystone(heat, tls: false);
            using var host = Host(keystone);
            var root = Directory.CreateTempSubdirectory("heat-planted-").FullName;
            var repo = Directory.CreateDirectory(Path.Combine(root, "repo")).FullName;
            var userConfig = Directory.CreateDirectory(Path.Combine(root, "config", "openstack")).FullName;
            var clouds = Path.Combine(repo, "clouds.yaml");
            var secure = Path.Combine(userConfig, "secure.yaml");
            File.WriteAllText(clouds, $"clouds:\n  prod:\n    auth:\n      auth_url: {keystone.Url("v3")}\n      username: demo\n      project_name: demo\n");
            File.WriteAllText(secure, $"clouds:\n  prod:\n    auth:\n      password: {FakeHeat.Password}\n");
            // Only the clouds-file readers look at it, and they find the current folder's files before the user's.
            var before = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Path.Combine(root, "config"));
            try
            {
                host.Run($"Set-Location -LiteralPath '{repo}'");

                var result = host.Run("Connect-HeatService -Cloud prod -WarningVariable w; $w");

                var warning = Assert.Single(Warnings(result));
                Assert.Contains(clouds, warning);
                Assert.Contains(secure, warning);
                Assert.DoesNotContain(FakeHeat.Password, warning);
            }
            finally
            {
                Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", before);
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
