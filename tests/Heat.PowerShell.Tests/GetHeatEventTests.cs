using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class GetHeatEventTests
    {
        [Fact]
        public void StatusFilter_AcceptsHeatsFullStatus()
        {
            using var host = new PowerShellHost(new FakeHeat().ListsEvents("web", "s1",
                HeatFixtures.Event("e1", "r", "CREATE_FAILED", "web", "s1"), HeatFixtures.Event("e2", "r", "DELETE_FAILED", "web", "s1")));

            var result = host.Run("Get-HeatEvent web -Status CREATE_FAILED -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("e1", result.Objects<HeatEvent>().Single().Id);
        }

        [Fact]
        public void ById_WithoutResource_FindsItInTheList()
        {
            using var host = new PowerShellHost(new FakeHeat().ListsEvents("web", "s1",
                    HeatFixtures.Event("e1", "r", "CREATE_IN_PROGRESS", "web", "s1"), HeatFixtures.Event("e2", "r", "CREATE_COMPLETE", "web", "s1"))
                .ShowsEvent("web", "s1", "r", HeatFixtures.EventDetail("e2", "r", "CREATE_COMPLETE", "web", "s1", "OS::Heat::RandomString",
                    new Newtonsoft.Json.Linq.JObject { ["length"] = 8 })));

            var found = host.Run("Get-HeatEvent web -Id e2 -Session $session");
            var missing = host.Run("Get-HeatEvent web -Id nope -Session $session");

            Assert.Equal("CREATE_COMPLETE", found.Objects<HeatEvent>().Single().ResourceStatus);
            // The list leaves the type out; an event asked for by id comes with it, as with a resource name.
            Assert.Equal("OS::Heat::RandomString", found.Objects<HeatEvent>().Single().ResourceType);
            Assert.Equal("HeatEventNotFound,Heat.PowerShell.Cmdlets.GetHeatEvent", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }
    }
}
