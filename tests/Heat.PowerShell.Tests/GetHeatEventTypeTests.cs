using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>-ResourceType means the same in Get-HeatEvent, listed or followed, as in Get-HeatResource.</summary>
    public class GetHeatEventTypeTests
    {
        private static JObject Own(string id, string status) =>
            HeatFixtures.Event(id, "web", status, "web", "1", physicalId: "1").With("resource_status_reason", "Stack " + status);

        private static FakeHeat Web(string finalStatus = "CREATE_COMPLETE") => new FakeHeat()
            .ShowsStack(HeatFixtures.StackDetail("web", "1", finalStatus))
            .ListsResources("web", "1",
                HeatFixtures.Resource("server", "OS::Nova::Server", "web", "1"),
                HeatFixtures.Resource("key", "OS::Heat::RandomString", "web", "1"))
            .ListsEvents("web", "1",
                Own("e1", "CREATE_IN_PROGRESS"),
                HeatFixtures.Event("e2", "key", "CREATE_COMPLETE", "web", "1"),
                HeatFixtures.Event("e3", "server", "CREATE_COMPLETE", "web", "1"),
                Own("e4", finalStatus));

        [Theory]
        [InlineData("Get-HeatEvent web -ResourceType 'OS::Heat::*' -Session $session")]
        [InlineData("Get-HeatEvent web -ResourceType 'os::heat::randomstring' -Session $session")]
        [InlineData("Get-HeatEvent web -ResourceType 'OS::Heat::*' -Follow -Session $session")]
        public void ResourceType_PicksTheEventsOfResourcesOfThatType_ListedOrFollowed(string script)
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run(script);
            var resources = host.Run(script.Replace("Get-HeatEvent", "Get-HeatResource").Replace(" -Follow", ""));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "e2" }, result.Objects<HeatEvent>().Select(e => e.Id));
            // The same types Get-HeatResource picks with the same -ResourceType.
            Assert.Equal(new[] { "key" }, resources.Objects<HeatResource>().Select(r => r.ResourceName));
        }
    }
}
