using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.Client.Tests
{
    public class EventResourceRouteTests
    {
        private const string Sid = "8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10";
        private const string NestedId = "11111111-2222-3333-4444-555555555555";
        private static readonly string StackUrl = TestCloud.Heat + "/stacks/web/" + Sid;

        private static string EventJson(string id, string resource, string status, string stackName = "web", string stackId = Sid) => @"{
            ""id"": """ + id + @""", ""event_time"": ""2026-11-25T10:00:01Z"", ""resource_name"": """ + resource + @""",
            ""logical_resource_id"": """ + resource + @""", ""physical_resource_id"": ""phys-" + id + @""",
            ""resource_status"": """ + status + @""", ""resource_status_reason"": ""state changed"",
            ""links"": [
              {""href"": """ + TestCloud.Heat + "/stacks/" + stackName + "/" + stackId + "/resources/" + resource + "/events/" + id + @""", ""rel"": ""self""},
              {""href"": """ + TestCloud.Heat + "/stacks/" + stackName + "/" + stackId + "/resources/" + resource + @""", ""rel"": ""resource""},
              {""href"": """ + TestCloud.Heat + "/stacks/" + stackName + "/" + stackId + @""", ""rel"": ""stack""}]}";

        [Fact]
        public void Events_AreReadPageByPage_AndKnowTheirStack()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, StackUrl + "/events").WithExactQueryString("nested_depth=2&sort_dir=asc&limit=2")
                .RespondJson(HttpStatusCode.OK, "{\"events\": [" + EventJson("e1", "rand", "CREATE_IN_PROGRESS") + "," +
                    EventJson("e2", "member0", "CREATE_COMPLETE", "web-group-abc", NestedId) + "]}");
            mock.Expect(HttpMethod.Get, StackUrl + "/events").WithExactQueryString("nested_depth=2&sort_dir=asc&limit=2&marker=e2")
                .RespondJson(HttpStatusCode.OK, "{\"events\": [" + EventJson("e3", "rand", "CREATE_COMPLETE") + "]}");
            var client = TestCloud.Client(mock);

            var events = client.Events.List(new StackRef("web", Sid), new EventListOptions { NestedDepth = 2, PageSize = 2 }, default).ToList();

            mock.VerifyNoOutstandingExpectation();
            Assert.Equal(new[] { "e1", "e2", "e3" }, events.Select(e => e.Id));
            Assert.Equal("CREATE", events[0].ResourceAction);
            Assert.Equal("web", events[0].StackName);
            Assert.Equal(Sid, events[0].StackId);
            Assert.Equal("web-group-abc", events[1].StackName);
            Assert.Equal(NestedId, events[1].StackId);
        }

        [Fact]
        public void Events_OfOneResource_WithFilters()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, StackUrl + "/resources/my%20res/events")
                .WithExactQueryString("resource_status=FAILED&resource_action=CREATE&sort_dir=asc&limit=100")
                .RespondJson(HttpStatusCode.OK, "{\"events\": []}");
            var client = TestCloud.Client(mock);
            var options = new EventListOptions { ResourceName = "my res" };
            options.ResourceStatuses.Add("FAILED");
            options.ResourceActions.Add("CREATE");

            client.Events.List(new StackRef("web", Sid), options, default).ToList();

            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task ResourceByStackNameOnly_LooksTheStackUpFirst_WithoutReadingIt()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks/web").Respond(_ =>
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new System.Uri(StackUrl);
                return redirect;
            });
            mock.Expect(HttpMethod.Get, StackUrl + "/resources/rand")
                .RespondJson(HttpStatusCode.OK, "{\"resource\": " + ResourceJson("rand", "OS::Heat::RandomString") + "}");
            var client = TestCloud.Client(mock);

            var resource = await client.Resources.GetAsync(StackRef.FromNameOrId("web"), "rand", withMetadata: false, default);

            mock.VerifyNoOutstandingExpectation();
            Assert.Equal(Sid, resource.StackId);
        }

        [Fact]
        public void ResourceEvents_ByStackName_LookTheStackUpOnce_ForAllPages()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var lookup = mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks/web").Respond(_ =>
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new System.Uri(StackUrl);
                return redirect;
            });
            mock.When(HttpMethod.Get, StackUrl + "/resources/rand/events").WithExactQueryString("sort_dir=asc&limit=1")
                .RespondJson(HttpStatusCode.OK, "{\"events\": [" + EventJson("e1", "rand", "CREATE_IN_PROGRESS") + "]}");
            mock.When(HttpMethod.Get, StackUrl + "/resources/rand/events").WithExactQueryString("sort_dir=asc&limit=1&marker=e1")
                .RespondJson(HttpStatusCode.OK, "{\"events\": [" + EventJson("e2", "rand", "CREATE_COMPLETE") + "]}");
            mock.When(HttpMethod.Get, StackUrl + "/resources/rand/events").WithExactQueryString("sort_dir=asc&limit=1&marker=e2")
                .RespondJson(HttpStatusCode.OK, "{\"events\": []}");
            var client = TestCloud.Client(mock);

            var events = client.Events.List(StackRef.FromNameOrId("web"), new EventListOptions { ResourceName = "rand", PageSize = 1 }, default).ToList();

            Assert.Equal(new[] { "e1", "e2" }, events.Select(e => e.Id));
            Assert.Equal(1, mock.GetMatchCount(lookup));
        }

        [Fact]
        public async Task OneEvent_IsAddressedThroughItsResource()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, StackUrl + "/resources/rand/events/e1")
                .RespondJson(HttpStatusCode.OK, "{\"event\": " + EventJson("e1", "rand", "CREATE_COMPLETE").TrimEnd('}') +
                    ", \"resource_type\": \"OS::Heat::RandomString\", \"resource_properties\": {\"length\": 8}}}");
            var client = TestCloud.Client(mock);

            var evt = await client.Events.GetAsync(new StackRef("web", Sid), "rand", "e1", default);

            Assert.Equal("OS::Heat::RandomString", evt.ResourceType);
            Assert.Equal(8, evt.ResourceProperties["length"]);
        }

        private static string ResourceJson(string name, string type, string stackName = "web", string stackId = Sid, string nested = null) => @"{
            ""resource_name"": """ + name + @""", ""logical_resource_id"": """ + name + @""", ""physical_resource_id"": ""p-" + name + @""",
            ""resource_type"": """ + type + @""", ""resource_status"": ""CREATE_COMPLETE"", ""resource_status_reason"": ""state changed"",
            ""creation_time"": ""2026-11-25T10:00:00Z"", ""updated_time"": ""2026-11-25T10:00:02Z"", ""required_by"": [""out""],
            ""links"": [
              {""href"": """ + TestCloud.Heat + "/stacks/" + stackName + "/" + stackId + "/resources/" + name + @""", ""rel"": ""self""},
              {""href"": """ + TestCloud.Heat + "/stacks/" + stackName + "/" + stackId + @""", ""rel"": ""stack""}" +
              (nested == null ? "" : @", {""href"": """ + TestCloud.Heat + "/stacks/web-group-abc/" + nested + @""", ""rel"": ""nested""}") + "]}";

        [Fact]
        public async Task Resources_WithNestedDepth_KnowTheirOwnStack()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, StackUrl + "/resources").WithExactQueryString("nested_depth=1")
                .RespondJson(HttpStatusCode.OK, "{\"resources\": [" + ResourceJson("group", "OS::Heat::ResourceGroup", nested: NestedId) + "," +
                    ResourceJson("0", "OS::Heat::RandomString", "web-group-abc", NestedId) + "]}");
            var client = TestCloud.Client(mock);

            var resources = await client.Resources.ListAsync(new StackRef("web", Sid), new ResourceListOptions { NestedDepth = 1 }, default);

            mock.VerifyNoOutstandingExpectation();
            Assert.Equal(NestedId, resources[0].NestedStackId);
            Assert.Equal("web", resources[0].StackName);
            Assert.Equal("web-group-abc", resources[1].StackName);
            Assert.Equal(NestedId, resources[1].StackId);
            Assert.Equal(new[] { "out" }, resources[1].RequiredBy);
        }

        [Fact]
        public async Task OneResource_ComesWithItsMetadata()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, StackUrl + "/resources/rand")
                .RespondJson(HttpStatusCode.OK, "{\"resource\": " + ResourceJson("rand", "OS::Heat::RandomString").TrimEnd('}') +
                    ", \"attributes\": {\"value\": \"abc\"}}}");
            mock.Expect(HttpMethod.Get, StackUrl + "/resources/rand/metadata")
                .RespondJson(HttpStatusCode.OK, "{\"metadata\": {\"role\": \"web\", \"ports\": [80, 443]}}");
            var client = TestCloud.Client(mock);

            var resource = await client.Resources.GetAsync(new StackRef("web", Sid), "rand", withMetadata: true, default);

            mock.VerifyNoOutstandingExpectation();
            Assert.Equal("abc", resource.Attributes["value"]);
            Assert.Equal("web", resource.Metadata["role"]);
            Assert.Equal(new object[] { 80, 443 }, (object[])resource.Metadata["ports"]);
        }
    }
}
