using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Connect-HeatService against a Keystone and a Heat on loopback sockets: the cmdlet builds its own HTTP stack,
    /// so it cannot be handed FakeHeat's handler. The rest of the module's tests start from a session made in code.
    /// </summary>
    public class ConnectHeatServiceTests
    {
        private const string IssuedToken = "gAAAAABconnect-token";

        /// <summary>One server for both: Keystone under /v3, Heat under /v1/{project}, whose catalog names it.</summary>
        private static FakeServer Cloud(bool refuseLogin = false)
        {
            FakeServer cloud = null;
            cloud = new FakeServer(request =>
            {
                if (request.Path == "/v3/auth/tokens")
                {
                    if (refuseLogin) return FakeReply.Json(HeatFixtures.KeystoneUnauthorized().ToString(), 401);
                    var body = HeatFixtures.KeystoneV3Token(heatEndpoint: HeatUrl(cloud));
                    return FakeReply.Json(body.ToString(), 201).Header("X-Subject-Token", IssuedToken);
                }
                if (request.Path == "/v1/" + FakeHeat.ProjectId + "/stacks")
                {
                    return FakeReply.Json(HeatFixtures.List("stacks", HeatFixtures.Stack("web", "1", endpoint: HeatUrl(cloud))).ToString());
                }
                return FakeReply.Json(HeatFixtures.Error(System.Net.HttpStatusCode.NotFound, "no route for " + request, "EntityNotFound").ToString(), 404);
            });
            return cloud;
        }

        private static string HeatUrl(FakeServer cloud) => cloud.Url("v1/" + FakeHeat.ProjectId);

        private static PowerShellHost HostFor(FakeServer cloud)
        {
            var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("authUrl", cloud.Url("v3"));
            host.Runspace.SessionStateProxy.SetVariable("credential", new PSCredential("demo", FakeHeat.Secure(FakeHeat.Password)));
            return host;
        }

        [Fact]
        public void Password_MakesTheSessionTheDefault()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);

            var result = host.Run("Connect-HeatService $authUrl $credential -ProjectName demo -PassThru; Get-HeatStack");

            var session = result.Objects<HeatSession>().Single();
            Assert.Equal(HeatUrl(cloud), session.HeatEndpoint);
            Assert.Equal("demo", session.UserName);
            Assert.Equal("web", result.Objects<HeatStack>().Single().StackName);
            var requests = cloud.Requests.ToList();
            Assert.Equal(new[] { "POST /v3/auth/tokens", $"GET /v1/{FakeHeat.ProjectId}/stacks?limit=100" }, requests.Select(r => r.ToString()));
            var user = JObject.Parse(requests[0].Body)["auth"]["identity"]["password"]["user"];
            Assert.Equal("demo", (string)user["name"]);
            Assert.Equal("Default", (string)user["domain"]["name"]);
            Assert.Equal(IssuedToken, requests[1].Headers["X-Auth-Token"]);
        }

        [Fact]
        public void RefusedLogin_Stops_WithAnAuthenticationError_AndLeavesNoDefault()
        {
            using var cloud = Cloud(refuseLogin: true);
            using var host = HostFor(cloud);

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo").Terminating;
            var after = host.RunExpectingTermination("Get-HeatStack").Terminating;

            Assert.Equal("HeatAuthenticationFailed,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal(cloud.Url("v3"), error.TargetObject);
            Assert.Equal("The request you have made requires authentication.", error.Exception.Message);
            Assert.DoesNotContain(FakeHeat.Password, error.Exception.ToString());
            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack", after.FullyQualifiedErrorId);
        }

        [Fact]
        public void Token_WithAnEndpoint_AsksNoKeystone()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            host.Runspace.SessionStateProxy.SetVariable("token", FakeHeat.Secure(IssuedToken));
            host.Runspace.SessionStateProxy.SetVariable("heatUrl", HeatUrl(cloud));

            var result = host.Run("Connect-HeatService -Token $token -HeatEndpoint $heatUrl; Get-HeatStack");

            Assert.Equal("web", result.Objects<HeatStack>().Single().StackName);
            var request = Assert.Single(cloud.Requests);
            Assert.Equal($"GET /v1/{FakeHeat.ProjectId}/stacks?limit=100", request.ToString());
            Assert.Equal(IssuedToken, request.Headers["X-Auth-Token"]);
        }
    }
}
