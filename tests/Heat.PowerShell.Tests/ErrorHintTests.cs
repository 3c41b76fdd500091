using System.Management.Automation;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// The client states facts and never names a cmdlet or a parameter; the error a user sees still says what to do in
    /// this module's words, added by the one error table (ErrorCatalog). A record shows it after the exception's own
    /// message (ErrorDetails, which PowerShell prints), once.
    /// </summary>
    public class ErrorHintTests
    {
        private static FakeServer Keystone(bool tls)
        {
            FakeServer keystone = null;
            keystone = new FakeServer(request =>
            {
                if (request.Path == "/v3/auth/tokens")
                {
                    var body = HeatFixtures.KeystoneV3Token(heatEndpoint: keystone.Url("v1/" + FakeHeat.ProjectId));
                    return FakeReply.Json(body.ToString(), 201).Header("X-Subject-Token", "hint-token");
                }
                return FakeReply.Json(HeatFixtures.KeystoneV3Version(keystone.Url("v3")).ToString());
            }, tls: tls);
            return keystone;
        }

        private static PowerShellHost HostFor(FakeServer keystone)
        {
            var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("authUrl", keystone.Url("v3"));
            host.Runspace.SessionStateProxy.SetVariable("credential", new PSCredential("demo", FakeHeat.Secure(FakeHeat.Password)));
            return host;
        }

        [Fact]
        public void AnUntrustedCertificate_SaysToGiveTheCloudsCa()
        {
            using var keystone = Keystone(tls: true);
            using var host = HostFor(keystone);

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo -MaxRetries 0").Terminating;

            Assert.StartsWith("HeatRequestFailed,", error.FullyQualifiedErrorId);
            Assert.DoesNotContain("-CACertificatePath", error.Exception.Message);
            Assert.StartsWith(error.Exception.Message + " If the cloud's certificate comes from a private CA", error.ToString());
            Assert.Contains("give that CA's certificate with -CACertificatePath (or OS_CACERT, or cacert in clouds.yaml).", error.ToString());
            Assert.True(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
        }

        [Fact]
        public void NoEndpointForTheInterface_SaysWhichParametersChooseOne()
        {
            using var keystone = Keystone(tls: false);
            using var host = HostFor(keystone);

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo -Interface admin").Terminating;

            Assert.StartsWith("HeatEndpointNotFound,", error.FullyQualifiedErrorId);
            Assert.EndsWith(". Use -Region, -Interface or -HeatEndpoint.", error.ToString());
        }

        /// <summary>PowerShell 7 prints a record's RecommendedAction as a line of its own: the hint is in the message only.</summary>
        [Fact]
        public void TheHint_IsPrintedOnce()
        {
            using var keystone = Keystone(tls: false);
            using var host = HostFor(keystone);

            var printed = string.Join("\n", host.Run(
                "try { Connect-HeatService $authUrl $credential -ProjectName demo -Interface admin } catch { $_ | Out-String }").Output);

            Assert.Single(System.Text.RegularExpressions.Regex.Matches(printed, "Use -Region, -Interface or -HeatEndpoint"));
        }

        [Fact]
        public void ACloudWithoutAPassword_SaysToGiveTheCredential()
        {
            using var keystone = Keystone(tls: false);
            using var host = HostFor(keystone);
            var folder = System.IO.Directory.CreateTempSubdirectory("heat-hint-").FullName;
            try
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "clouds.yaml"),
                    $"clouds:\n  lab:\n    auth:\n      auth_url: {keystone.Url("v3")}\n      username: demo\n      project_name: demo\n");
                host.Run($"Set-Location -LiteralPath '{folder}'");

                var error = host.RunExpectingTermination("Connect-HeatService -Cloud lab").Terminating;

                Assert.StartsWith("HeatCloudConfigIncomplete,", error.FullyQualifiedErrorId);
                Assert.EndsWith("has no auth.password: add it.", error.Exception.Message);
                Assert.Equal(error.Exception.Message + " Or give -Credential.", error.ToString());
            }
            finally
            {
                System.IO.Directory.Delete(folder, true);
            }
        }

        public static TheoryData<System.Exception, string> ClientErrors() => new TheoryData<System.Exception, string>
        {
            {
                new HeatStackPausedException(new StackRef("web", "s1"),
                    new[] { new Heat.Client.Models.HeatStackHook { ResourceName = "b", HookType = "pre-create" } }, null),
                "Clear the hooks with Clear-HeatStackHook, then wait again."
            },
            { new HeatSessionClosedException(), "Connect again with Connect-HeatService." },
            { new Heat.Client.Graphs.GraphvizNotFoundException(), "For the text instead: -Format Dot or Mermaid, or -OutFile graph.dot or graph.mmd." },
            { new HeatUnscopedTokenException("Keystone gave an unscoped token."), "Name the project with -ProjectName or -ProjectId." },
        };

        /// <summary>Errors that come out of waits, sessions and graphs: the client's words, then the module's hint.</summary>
        [Theory]
        [MemberData(nameof(ClientErrors))]
        public void AClientError_IsShownWithItsHint(System.Exception exception, string hint)
        {
            var record = ErrorCatalog.ToErrorRecord(exception, "HeatStack", "web");

            Assert.DoesNotMatch(@"-[A-Z]|Heat[A-Z][a-z]+-|[A-Z][a-z]+-Heat", exception.Message);
            Assert.Equal(exception.Message + " " + hint, record.ToString());
        }
    }
}
