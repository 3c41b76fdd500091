using System.Linq;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class EventResourceRouteTests
    {
        private const string Sid = "8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10";
        private const string NestedName = "web-group-abc";
        private const string NestedId = "11111111-2222-3333-4444-555555555555";
        private const string StackRoute = "stacks/web/" + Sid;

        private static JObject Event(string id, string resource, string status, string stackName = "web", string stackId = Sid) =>
            HeatFixtures.Event(id, resource, status, stackName, stackId);

        [Fact]
        public void Events_AreReadPageByPage_AndKnowTheirStack()
        {
            var heat = new FakeHeat().ListsEvents("web", Sid,
                Event("e1", "rand", "CREATE_IN_PROGRESS"), Event("e2", "member0", "CREATE_COMPLETE", NestedName, NestedId), Event("e3", "rand", "CREATE_COMPLETE"));

            var events = heat.Client().Events.List(new StackRef("web", Sid), new EventListOptions { NestedDepth = 2, PageSize = 2 }, default).ToList();

            Assert.Equal(new[]
            {
                $"GET {StackRoute}/events?nested_depth=2&sort_dir=asc&limit=2",
                $"GET {StackRoute}/events?nested_depth=2&sort_dir=asc&limit=2&marker=e2",
            }, heat.Log);
            Assert.Equal(new[] { "e1", "e2", "e3" }, events.Select(e => e.Id));
            Assert.Equal("CREATE", events[0].ResourceAction);
            Assert.Equal("web", events[0].StackName);
            Assert.Equal(Sid, events[0].StackId);
            Assert.Equal(NestedName, events[1].StackName);
            Assert.Equal(NestedId, events[1].StackId);
        }

        [Fact]
        public void Events_OfOneResource_WithFilters()
        {
            var heat = new FakeHeat().ListsResourceEvents("web", Sid, "my res");
            var options = new EventListOptions { ResourceName = "my res" };
            options.ResourceStatuses.Add("FAILED");
            options.ResourceActions.Add("CREATE");

            heat.Client().Events.List(new StackRef("web", Sid), options, default).ToList();

            Assert.Equal(new[] { $"GET {StackRoute}/resources/my%20res/events?resource_status=FAILED&resource_action=CREATE&sort_dir=asc&limit=100" }, heat.Log);
        }

        [Fact]
        public async Task ResourceByStackNameOnly_LooksTheStackUpFirst_WithoutReadingIt()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("web", Sid))
                .ShowsResource("web", Sid, HeatFixtures.Resource("rand", "OS::Heat::RandomString", "web", Sid));

            var resource = await heat.Client().Resources.GetAsync(StackRef.FromNameOrId("web"), "rand", withMetadata: false, default);

            Assert.Equal(new[] { "GET stacks/web", $"GET {StackRoute}/resources/rand" }, heat.Log);
            Assert.Equal(Sid, resource.StackId);
        }

        [Fact]
        public void ResourceEvents_ByStackName_LookTheStackUpOnce_ForAllPages()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("web", Sid))
                .ListsResourceEvents("web", Sid, "rand", Event("e1", "rand", "CREATE_IN_PROGRESS"), Event("e2", "rand", "CREATE_COMPLETE"));

            var events = heat.Client().Events.List(StackRef.FromNameOrId("web"), new EventListOptions { ResourceName = "rand", PageSize = 1 }, default).ToList();

            Assert.Equal(new[] { "e1", "e2" }, events.Select(e => e.Id));
            Assert.Equal(new[]
            {
                "GET stacks/web",
                $"GET {StackRoute}/resources/rand/events?sort_dir=asc&limit=1",
                $"GET {StackRoute}/resources/rand/events?sort_dir=asc&limit=1&marker=e1",
                $"GET {StackRoute}/resources/rand/events?sort_dir=asc&limit=1&marker=e2",
            }, heat.Log);
        }

        [Fact]
        public async Task OneEvent_IsAddressedThroughItsResource()
        {
            var heat = new FakeHeat().ShowsEvent("web", Sid, "rand",
                HeatFixtures.EventDetail("e1", "rand", "CREATE_COMPLETE", "web", Sid, "OS::Heat::RandomString", new JObject { ["length"] = 8 }));

            var evt = await heat.Client().Events.GetAsync(new StackRef("web", Sid), "rand", "e1", default);

            Assert.Equal(new[] { $"GET {StackRoute}/resources/rand/events/e1" }, heat.Log);
            Assert.Equal("OS::Heat::RandomString", evt.ResourceType);
            Assert.Equal(8, evt.ResourceProperties["length"]);
        }

        [Fact]
        public async Task Resources_WithNestedDepth_KnowTheirOwnStack()
        {
            var heat = new FakeHeat().ListsResources("web", Sid,
                HeatFixtures.Resource("group", "OS::Heat::ResourceGroup", "web", Sid, NestedName, NestedId),
                HeatFixtures.Resource("0", "OS::Heat::RandomString", NestedName, NestedId).With("required_by", new JArray("out")));

            var resources = await heat.Client().Resources.ListAsync(new StackRef("web", Sid), new ResourceListOptions { NestedDepth = 1 }, default);

            Assert.Equal(new[] { $"GET {StackRoute}/resources?nested_depth=1" }, heat.Log);
            Assert.Equal(NestedId, resources[0].NestedStackId);
            Assert.Equal("web", resources[0].StackName);
            Assert.Equal(NestedName, resources[1].StackName);
            Assert.Equal(NestedId, resources[1].StackId);
            Assert.Equal(new[] { "out" }, resources[1].RequiredBy);
        }

        [Fact]
        public async Task OneResource_ComesWithItsMetadata()
        {
            var heat = new FakeHeat().ShowsResource("web", Sid,
                HeatFixtures.Resource("rand", "OS::Heat::RandomString", "web", Sid).With("attributes", new JObject { ["value"] = "abc" }),
                new JObject { ["role"] = "web", ["ports"] = new JArray(80, 443) });

            var resource = await heat.Client().Resources.GetAsync(new StackRef("web", Sid), "rand", withMetadata: true, default);

            Assert.Equal(new[] { $"GET {StackRoute}/resources/rand", $"GET {StackRoute}/resources/rand/metadata" }, heat.Log);
            Assert.Equal("abc", resource.Attributes["value"]);
            Assert.Equal("web", resource.Metadata["role"]);
            Assert.Equal(new object[] { 80, 443 }, (object[])resource.Metadata["ports"]);
        }
    }
}
