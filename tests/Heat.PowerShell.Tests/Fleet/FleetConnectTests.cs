using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Fleet
{
    /// <summary>Connect-HeatService -Cloud with several clouds (issue 22), Get-HeatSession, and -Cloud on the reading
    /// cmdlets, against a Keystone and a Heat per cloud on loopback sockets.</summary>
    public sealed class FleetConnectTests
    {
        private const string IssuedToken = "gAAAAABfleet-token";

        /// <summary>One cloud: Keystone under /v3, Heat under /v1/{project} listing one stack named after the cloud.</summary>
        private static FakeServer Cloud(string stackName)
        {
            FakeServer cloud = null;
            cloud = new FakeServer(request =>
            {
                if (request.Method == "GET" && request.Path == "/v3") return FakeReply.Json(HeatFixtures.KeystoneV3Version(cloud.Url("v3")).ToString());
                if (request.Path == "/v3/auth/tokens")
                {
                    var body = HeatFixtures.KeystoneV3Token(heatEndpoint: cloud.Url("v1/" + FakeHeat.ProjectId));
                    return FakeReply.Json(body.ToString(), 201).Header("X-Subject-Token", IssuedToken);
                }
                if (request.Path == "/v1/" + FakeHeat.ProjectId + "/stacks")
                {
                    return FakeReply.Json(HeatFixtures.List("stacks", HeatFixtures.Stack(stackName, stackName + "-id", endpoint: cloud.Url("v1/" + FakeHeat.ProjectId))).ToString());
                }
                return FakeReply.Json(HeatFixtures.Error(System.Net.HttpStatusCode.NotFound, "no route for " + request, "EntityNotFound").ToString(), 404);
            });
            return cloud;
        }

        /// <summary>A clouds.yaml with the clouds given and one that answers nothing ("down"), made the current location.</summary>
        private static PowerShellHost HostWith(params (string Name, FakeServer Server)[] clouds)
        {
            var host = new PowerShellHost(null);
            var folder = Directory.CreateTempSubdirectory("heat-fleet-").FullName;
            var entries = clouds.Select(c => $"  {c.Name}:\n    region_name: RegionOne\n    auth:\n      auth_url: {c.Server.Url("v3")}\n      username: demo\n      password: {FakeHeat.Password}\n      project_name: demo\n");
            File.WriteAllText(Path.Combine(folder, "clouds.yaml"), "clouds:\n" + string.Concat(entries) +
                "  down:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n      username: demo\n      password: x\n      project_name: demo\n");
            host.Run($"Set-Location -LiteralPath '{folder}'");
            return host;
        }

        [Fact]
        public void SeveralClouds_ConnectAtOnce_OneSessionEach_TheFirstTheDefault()
        {
            using var east = Cloud("east-web");
            using var west = Cloud("west-web");
            using var host = HostWith(("east", east), ("west", west));

            var connected = host.Run("Connect-HeatService -Cloud east, west -PassThru");
            var listed = host.Run("Get-HeatSession");
            var picked = host.Run("Get-HeatSession w*");
            var fallback = host.Run("Get-HeatStack");

            Assert.Empty(connected.Errors);
            Assert.Equal(new[] { "east", "west" }, connected.Objects<HeatSession>().Select(s => s.CloudName));
            Assert.Equal(new[] { "east", "west" }, listed.Objects<HeatSession>().Select(s => s.CloudName));
            Assert.Equal("west", Assert.Single(picked.Objects<HeatSession>()).CloudName);
            Assert.Equal("east-web", Assert.Single(fallback.Objects<HeatStack>()).StackName);
        }

        [Fact]
        public void ACloudThatIsDown_IsOneErrorNamingIt_AndTheOthersConnectAndAnswer()
        {
            using var east = Cloud("east-web");
            using var host = HostWith(("east", east));

            var connected = host.Run("Connect-HeatService -Cloud east, down -PassThru");
            var read = host.Run("Get-HeatStack -Cloud east, down");

            Assert.Equal("east", Assert.Single(connected.Objects<HeatSession>()).CloudName);
            var error = Assert.Single(connected.Errors);
            Assert.Equal("down", error.TargetObject);
            Assert.Equal("east-web", Assert.Single(read.Objects<HeatStack>()).StackName);
            Assert.Equal("down", Assert.Single(read.Errors).TargetObject);
        }

        [Fact]
        public void CloudOnAReadingCmdlet_ConnectsWhatIsNotYet_AndSaysWhichCloudEachStackIsFrom()
        {
            using var east = Cloud("east-web");
            using var west = Cloud("west-web");
            using var host = HostWith(("east", east), ("west", west));

            var result = host.Run("Get-HeatStack -Cloud e*, west");
            var remembered = host.Run("Get-HeatSession");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "east east-web", "west west-web" },
                result.Output.Select(o => $"{o.Properties["Cloud"].Value} {((HeatStack)o.BaseObject).StackName}").OrderBy(r => r, StringComparer.Ordinal));
            Assert.Equal(new[] { "east", "west" }, remembered.Objects<HeatSession>().Select(s => s.CloudName));
            Assert.Contains("RegionOne", result.Output.Select(o => (string)o.Properties["Region"].Value));
            Assert.Single(east.Requests, r => r.Path == "/v3/auth/tokens");
        }

        [Fact]
        public void APatternThatMatchesNoCloud_AndASessionNotOpen_AreErrorsNamingThem()
        {
            using var east = Cloud("east-web");
            using var host = HostWith(("east", east));

            var result = host.Run("Get-HeatStack -Cloud east, nope*");
            var missing = host.Run("Get-HeatSession west");

            Assert.Equal("east-web", Assert.Single(result.Objects<HeatStack>()).StackName);
            Assert.Equal("nope*", Assert.Single(result.Errors).TargetObject);
            Assert.StartsWith("HeatSessionNotFound", Assert.Single(missing.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        }
    }
}
