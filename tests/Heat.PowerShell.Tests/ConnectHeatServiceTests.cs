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
                if (request.Method == "GET" && request.Path == "/v3")
                {
                    return FakeReply.Json(HeatFixtures.KeystoneV3Version(cloud.Url("v3")).ToString());
                }
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
            Assert.StartsWith($"Keystone at {cloud.Url("v3/auth/tokens")} refused the credentials for user 'demo' in domain 'Default', project 'demo'",
                error.Exception.Message);
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
    
        /// <summary>A folder with a clouds.yaml naming the fake cloud, made PowerShell's current location.</summary>
        private static string CloudsFolder(PowerShellHost host, FakeServer cloud, string extra = "")
        {
            var folder = System.IO.Directory.CreateTempSubdirectory("heat-cloud-").FullName;
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "clouds.yaml"),
                $"clouds:\n  fake:\n    auth:\n      auth_url: {cloud.Url("v3")}\n      username: demo\n      project_name: demo\n{extra}" +
                "  other-cloud:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "secure.yaml"),
                $"clouds:\n  fake:\n    auth:\n      password: {FakeHeat.Password}\n");
            host.Run($"Set-Location -LiteralPath '{folder}'");
            return folder;
        }

        [Fact]
        public void Cloud_ReadsCloudsYamlAndSecureYaml_FromTheCurrentLocation()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            CloudsFolder(host, cloud);

            var result = host.Run("Connect-HeatService -Cloud fake -PassThru -Verbose; Get-HeatStack");

            Assert.Equal("demo", result.Objects<HeatSession>().Single().UserName);
            Assert.Equal("web", result.Objects<HeatStack>().Single().StackName);
            var user = JObject.Parse(cloud.Requests.First().Body)["auth"]["identity"]["password"]["user"];
            Assert.Equal(FakeHeat.Password, (string)user["password"]);
            Assert.Contains(result.Verbose, v => v.StartsWith("Using cloud 'fake' in ", System.StringComparison.Ordinal) && v.Contains("secure.yaml"));
            Assert.DoesNotContain(result.Verbose, v => v.Contains(FakeHeat.Password));
        }

        [Fact]
        public void Cloud_ExplicitParametersWin_OverTheFile()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            CloudsFolder(host, cloud, "    region_name: RegionTwo\n");

            var result = host.Run("Connect-HeatService -Cloud fake -ProjectName ops -Region RegionOne -Credential $credential -PassThru");

            var sent = JObject.Parse(cloud.Requests.First().Body)["auth"];
            Assert.Equal("ops", (string)sent["scope"]["project"]["name"]);
            Assert.Equal("RegionOne", result.Objects<HeatSession>().Single().Region);
        }

        [Fact]
        public void Cloud_Unknown_IsATerminatingErrorListingTheClouds()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            var folder = CloudsFolder(host, cloud);

            var error = host.RunExpectingTermination("Connect-HeatService -Cloud nope").Terminating;

            Assert.Equal("HeatCloudNotFound,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Equal($"There is no cloud 'nope': {System.IO.Path.Combine(folder, "clouds.yaml")} has only fake, other-cloud.", error.Exception.Message);
            Assert.Empty(cloud.Requests);
        }

        [Fact]
        public void Cloud_WithAMissingPassword_NamesIt_AndNeverPrompts()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            CloudsFolder(host, cloud);

            var error = host.RunExpectingTermination("Connect-HeatService -Cloud other-cloud").Terminating;

            Assert.Equal("HeatCloudConfigIncomplete,Heat.PowerShell.Cmdlets.ConnectHeatService", error.FullyQualifiedErrorId);
            Assert.Contains("has no auth.username", error.Exception.Message);
            Assert.EndsWith("add it. Or give -Credential.", error.ToString());
            Assert.Empty(host.Host.Prompts);
        }

        [Fact]
        public void CloudCompletion_ListsTheCloudsOfTheFiles()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            CloudsFolder(host, cloud);

            var all = host.Run("(TabExpansion2 -inputScript 'Connect-HeatService -Cloud ' -cursorColumn 27).CompletionMatches.CompletionText");
            var some = host.Run("(TabExpansion2 -inputScript 'Connect-HeatService -Cloud ot' -cursorColumn 29).CompletionMatches.CompletionText");

            Assert.Equal(new[] { "fake", "other-cloud" }, all.Output.Select(o => o.ToString()));
            Assert.Equal(new[] { "other-cloud" }, some.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void CloudCompletion_OfABrokenFile_IsEmpty_NotAnError()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);
            var folder = System.IO.Directory.CreateTempSubdirectory("heat-cloud-").FullName;
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "clouds.yaml"), "clouds: [\n");
            host.Run($"Set-Location -LiteralPath '{folder}'");

            var result = host.Run("(TabExpansion2 -inputScript 'Connect-HeatService -Cloud ' -cursorColumn 27).CompletionMatches.CompletionText");

            Assert.DoesNotContain(result.Output, o => o != null);
            Assert.Empty(result.Errors);
        }

        [Fact]
        public void CACertificatePath_ThatDoesNotExist_IsAnErrorNamingIt()
        {
            using var cloud = Cloud();
            using var host = HostFor(cloud);

            var error = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo -CACertificatePath ./no-such-ca.pem").Terminating;

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.EndsWith("no-such-ca.pem does not exist.", error.Exception.Message);
            Assert.Empty(cloud.Requests);
        }
}
}
