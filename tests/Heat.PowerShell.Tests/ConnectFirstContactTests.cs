using System.Linq;
using System.Management.Automation;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// The first Connect-HeatService a new user types, when it goes wrong: each error says what to do. Against a Keystone
    /// on a loopback socket (the cmdlet builds its own HTTP stack).
    /// </summary>
    public class ConnectFirstContactTests
    {
        private const string IssuedToken = "gAAAAABfirst-contact";

        /// <summary>
        /// A Keystone whose user 'demo' has the right password, a role on project 'ops' only, and none on 'demo'; like
        /// Keystone it answers a refused project exactly as a wrong password.
        /// </summary>
        private static FakeServer Keystone()
        {
            FakeServer keystone = null;
            keystone = new FakeServer(request =>
            {
                if (request.Method == "GET" && request.Path == "/v3")
                {
                    return FakeReply.Json(HeatFixtures.KeystoneV3Version(keystone.Url("v3")).ToString());
                }
                if (request.Method == "POST" && request.Path == "/v3/auth/tokens")
                {
                    var auth = JObject.Parse(request.Body)["auth"];
                    var password = (string)auth["identity"]["password"]["user"]["password"];
                    var project = (string)auth["scope"]?["project"]?["name"];
                    if (password != FakeHeat.Password || (project != null && project != "ops"))
                    {
                        return FakeReply.Json(HeatFixtures.KeystoneUnauthorized().ToString(), 401);
                    }
                    return FakeReply.Json(HeatFixtures.KeystoneV3Token().ToString(), 201).Header("X-Subject-Token", IssuedToken);
                }
                if (request.Method == "GET" && request.Path == "/v3/auth/projects" && request.Headers.TryGetValue("X-Auth-Token", out var token) &&
                    token == IssuedToken)
                {
                    return FakeReply.Json(new JObject { ["projects"] = new JArray(new JObject { ["id"] = "p1", ["name"] = "ops" }) }.ToString());
                }
                return FakeReply.Json(HeatFixtures.Error(System.Net.HttpStatusCode.NotFound, "no route for " + request, "NotFound").ToString(), 404);
            });
            return keystone;
        }

        private static PowerShellHost HostFor(string authUrl, string password = FakeHeat.Password)
        {
            var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("authUrl", authUrl);
            host.Runspace.SessionStateProxy.SetVariable("credential", new PSCredential("demo", FakeHeat.Secure(password)));
            return host;
        }

        [Theory]
        [InlineData("Connect-HeatService -AuthUrl $authUrl -ProjectName demo")]
        [InlineData("Connect-HeatService $authUrl")]
        [InlineData("Connect-HeatService -AuthUrl $authUrl -Region RegionOne")]
        public void AnAuthUrl_WithoutWhoSignsIn_SaysWhichParametersToGive(string line)
        {
            using var keystone = Keystone();
            using var host = HostFor(keystone.Url("v3"));

            var error = host.RunExpectingTermination(line).Terminating;

            Assert.Equal("HeatConnectionArgumentInvalid,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            foreach (var parameter in new[] { "-Credential", "-ApplicationCredentialId", "-ApplicationCredentialSecret", "-Token", "-Cloud" })
            {
                Assert.Contains(parameter, error.Exception.Message);
            }
            Assert.Empty(keystone.Requests);
        }

        [Fact]
        public void AUserWithoutARoleOnTheProject_IsToldSo_AndWhereTheyHaveOne_NotThatThePasswordIsWrong()
        {
            using var keystone = Keystone();
            using var host = HostFor(keystone.Url("v3"));

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo").Terminating;

            Assert.Equal("HeatProjectNotAuthorized,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            var shown = error.ErrorDetails.Message;
            Assert.Contains("accepted the password of user 'demo' in domain 'Default' but refused a token for project 'demo' in domain 'Default'", shown);
            Assert.Contains("the user has no role on that project, or there is no such project", shown);
            Assert.Contains("The user has a role on: 'ops'.", shown);
            Assert.Contains("-ProjectName", shown);
            Assert.Contains("openstack role add --user demo --project demo member", error.ErrorDetails.Message);
            Assert.DoesNotContain(FakeHeat.Password, error.Exception.ToString() + shown);
            // The unscoped token that listed the projects is not the session's: nothing was made the default.
            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack", host.RunExpectingTermination("Get-HeatStack").Terminating.FullyQualifiedErrorId);
        }

        [Fact]
        public void AWrongPassword_IsStillAnAuthenticationError()
        {
            using var keystone = Keystone();
            using var host = HostFor(keystone.Url("v3"), password: "wrong");

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo").Terminating;

            Assert.Equal("HeatAuthenticationFailed,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Contains("the user name, password, domain or project is wrong", error.Exception.Message);
            // The scoped request, the version document, the same identity without the project; no listing.
            Assert.Equal(new[] { "POST /v3/auth/tokens", "GET /v3", "POST /v3/auth/tokens" }, keystone.Requests.Select(r => r.ToString()));
            Assert.Null(JObject.Parse(keystone.Requests.Last().Body)["auth"]["scope"]);
        }

        [Fact]
        public void Https_ToAServerThatSpeaksHttp_SaysSo_AndGivesTheHttpUrl_WithoutRetrying()
        {
            using var keystone = Keystone();
            var https = "https" + keystone.Url("v3").Substring("http".Length);
            using var host = HostFor(https);

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName ops").Terminating;

            Assert.Equal("HeatHttpsUnsupported,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            var authority = new System.Uri(keystone.BaseUrl).Authority;
            Assert.Contains($"the server at {authority} speaks http, not https", error.ErrorDetails.Message);
            Assert.Contains($"Use {keystone.Url("v3")} (-AuthUrl", error.ErrorDetails.Message);
            // What reached the server: the TLS hello (answered 400, as plain http servers do) once, then the plain probe of
            // its root; no retries, and never the password.
            Assert.Equal(new[] { FakeServer.TlsHello + " /", "GET /" }, keystone.Requests.Select(r => r.ToString()));
        }

        [Fact]
        public void Https_ToAServerThatSpeaksTls_WithAnUntrustedCertificate_IsACertificateError_NotAPlainHttpOne()
        {
            using var keystone = new FakeServer(_ => FakeReply.Json("{}"), tls: true);
            using var host = HostFor(keystone.Url("v3"));

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName ops -MaxRetries 0").Terminating;

            Assert.Equal("HeatRequestFailed,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.DoesNotContain("speaks http", error.Exception.Message + error.ErrorDetails?.Message);
        }
    }
}
