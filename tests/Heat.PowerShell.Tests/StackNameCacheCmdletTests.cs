using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What the session remembers of stack names, as a script sees it: fewer requests, never another stack.</summary>
    public class StackNameCacheCmdletTests
    {
        private const string OldId = "1b9e6a0c-0d3e-4c1f-9a55-3c1f0e2d4b10";
        private const string NewId = "2c8f7b1d-1e4f-4d20-8b66-4d2a1f3e5c21";

        [Fact]
        public void GetHeatStack_ByNameTwice_LooksTheNameUpOnce()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack web -Session $session; Get-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Objects<HeatStack>().Count(s => s.Id == OldId));
            Assert.Equal(new[] { "GET stacks/web", $"GET stacks/web/{OldId}", $"GET stacks/web/{OldId}" }, heat.Log);
        }

        [Fact]
        public void RemoveHeatStack_ForgetsTheName_SoTheNextReadAsksHeat()
        {
            var heat = new FakeHeat().DeletesStack("web", OldId);
            heat.On(HttpMethod.Get, "stacks/web")
                .Redirect($"{heat.Endpoint}/stacks/web/{OldId}")
                .Redirect($"{heat.Endpoint}/stacks/web/{OldId}")
                .Redirect($"{heat.Endpoint}/stacks/web/{NewId}");
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}")
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId) })
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId, "DELETE_COMPLETE") });
            heat.On(HttpMethod.Get, $"stacks/web/{NewId}").Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", NewId) });
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatStack web -Session $session");

            host.Run("Remove-HeatStack web -Force -Session $session");
            var result = host.Run("Get-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(NewId, Assert.Single(result.Objects<HeatStack>()).Id);
            Assert.Equal(new[] { $"DELETE stacks/web/{OldId}", "GET stacks/web", $"GET stacks/web/{NewId}" }, heat.Log.Skip(3));
        }

        [Fact]
        public void GetHeatStack_AfterTheStackWasRecreatedElsewhere_ShowsTheNewStack()
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatStack web -Session $session");

            var result = host.Run("Get-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            var stack = Assert.Single(result.Objects<HeatStack>());
            Assert.Equal(NewId, stack.Id);
            Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        }

        [Fact]
        public void GetHeatStack_ByPipedId_IsReadByThatId()
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatStack web -Session $session");

            var result = host.Run($"[pscustomobject]@{{ StackName = 'web'; StackId = '{OldId}' }} | Get-HeatStack -Session $session");

            Assert.Equal("DELETE_COMPLETE", Assert.Single(result.Objects<HeatStack>()).StackStatus);
            Assert.Equal($"GET stacks/web/{OldId}", heat.Log.Last());
        }
    }
}
