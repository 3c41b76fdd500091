using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class GetHeatResourceTests
    {
        [Fact]
        public void TypeAndNameWildcards_FilterTheList()
        {
            using var host = new PowerShellHost(new FakeHeat().ListsResources("web", "s1",
                HeatFixtures.Resource("rand", "OS::Heat::RandomString", "web", "s1"),
                HeatFixtures.Resource("group", "OS::Heat::ResourceGroup", "web", "s1"),
                HeatFixtures.Resource("rand2", "OS::Heat::RandomString", "web", "s1")));

            var byType = host.Run("Get-HeatResource web -ResourceType *RandomString -Session $session");
            var byName = host.Run("Get-HeatResource web gr* -Session $session");

            Assert.Equal(new[] { "rand", "rand2" }, byType.Objects<HeatResource>().Select(r => r.ResourceName));
            Assert.Equal("group", byName.Objects<HeatResource>().Single().ResourceName);
        }

        [Fact]
        public void StackToEventsToResourcesToStack_Navigates()
        {
            const string GetRand = "GET stacks/web/s1/resources/rand";
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("web", "s1"))
                .ListsEvents("web", "s1",
                    HeatFixtures.Event("e0", "web", "CREATE_IN_PROGRESS", "web", "s1", physicalId: "s1"),
                    HeatFixtures.Event("e1", "rand", "CREATE_IN_PROGRESS", "web", "s1"),
                    HeatFixtures.Event("e2", "rand", "CREATE_COMPLETE", "web", "s1"))
                .ShowsResource("web", "s1", HeatFixtures.Resource("rand", "OS::Heat::RandomString", "web", "s1"))
                .ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            using var host = new PowerShellHost(heat);

            var events = host.Run("Get-HeatStack -Session $session | Get-HeatEvent -Session $session");
            var resources = host.Run("Get-HeatStack -Session $session | Get-HeatEvent -Session $session | Get-HeatResource -Session $session");
            var sentForResources = heat.Log.Count(l => l == GetRand);
            var stacks = host.Run("Get-HeatStack -Session $session | Get-HeatEvent -Session $session | Get-HeatResource -Session $session | Get-HeatStack -Session $session");

            Assert.Equal(3, events.Objects<HeatEvent>().Count());
            Assert.Empty(resources.Errors);
            // The stack's own event names no resource, and two events of one resource give it once.
            Assert.Equal("rand", resources.Objects<HeatResource>().Single().ResourceName);
            Assert.Equal(1, sentForResources);
            Assert.Equal("web", stacks.Objects<HeatStack>().Single().StackName);
        }
    
        [Fact]
        public void Metadata_WritesOnlyTheHashtable_ReadThroughTheMetadataRoute()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).ShowsResource("web", "s1",
                HeatFixtures.Resource("handle", "OS::Heat::WaitConditionHandle", "web", "s1"),
                new Newtonsoft.Json.Linq.JObject { ["web1"] = new Newtonsoft.Json.Linq.JObject { ["status"] = "SUCCESS", ["data"] = "ok" } });
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatResource web handle -Metadata -Session $session");

            var metadata = Assert.IsType<System.Collections.Hashtable>(result.Output.Single().BaseObject);
            Assert.Equal("ok", ((System.Collections.Hashtable)metadata["web1"])["data"]);
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/s1/resources/handle/metadata" }, heat.Log);
        }

        [Fact]
        public void Metadata_OfAPattern_StopsTheCommand_AndSendsNothing()
        {
            var heat = new FakeHeat().ListsResources("web", "s1", HeatFixtures.Resource("handle", "OS::Heat::WaitConditionHandle", "web", "s1"));
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination("Get-HeatResource web hand* -Metadata -Session $session");

            Assert.Equal("HeatResourceArgumentInvalid,Heat.PowerShell.Cmdlets.GetHeatResource", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }
    }
}
