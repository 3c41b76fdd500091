using System;
using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class StackRouteTests
    {
        private const string StackId = "8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10";

        [Fact]
        public void List_ReadsEveryPage_WithTheLastIdAsMarker()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("a", "id-a"), HeatFixtures.Stack("b", "id-b"), HeatFixtures.Stack("c", "id-c"));

            var names = heat.Client().Stacks.List(new StackListOptions { PageSize = 2 }, default).Select(s => s.StackName).ToList();

            Assert.Equal(new[] { "a", "b", "c" }, names);
            Assert.Equal(new[] { "GET stacks?limit=2", "GET stacks?limit=2&marker=id-b" }, heat.Log);
        }

        [Fact]
        public void List_ReadsPagesOnlyAsTheyAreUsed()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("a", "id-a"), HeatFixtures.Stack("b", "id-b"));

            var firstOnly = heat.Client().Stacks.List(new StackListOptions { PageSize = 1 }, default).First();

            Assert.Equal("a", firstOnly.StackName);
            Assert.Equal(new[] { "GET stacks?limit=1" }, heat.Log);
        }

        [Fact]
        public void List_SendsHeatsFilters()
        {
            var heat = new FakeHeat().ListsStacks();
            var options = new StackListOptions { ShowNested = true, ShowDeleted = true };
            options.Names.Add("web");
            options.Statuses.Add("FAILED");
            options.Statuses.Add("COMPLETE");
            options.Tags.Add("ci");
            options.Tags.Add("nightly");

            heat.Client().Stacks.List(options, default).ToList();

            Assert.Equal(new[] { "GET stacks?name=web&status=FAILED&status=COMPLETE&tags=ci%2Cnightly&show_nested=True&show_deleted=True&limit=100" }, heat.Log);
        }

        [Fact]
        public async Task Get_ByName_FollowsHeatsRedirect_KeepingTheToken()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", StackId)
                .With("creation_time", "2026-11-25T10:00:00")
                .With("updated_time", "2026-11-25T10:05:30.123456")
                .With("parameters", new JObject { ["count"] = "2", ["OS::stack_name"] = "web" })
                .With("outputs", new JArray(
                    new JObject { ["output_key"] = "url", ["output_value"] = "http://web", ["description"] = "The URL" },
                    new JObject { ["output_key"] = "ids", ["output_value"] = new JArray("x", "y"), ["description"] = "ids" }))
                .With("timeout_mins", 30)
                .With("tags", null));

            var stack = await heat.Client().Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/" + StackId }, heat.Log);
            Assert.All(heat.Requests, r => Assert.Equal(FakeHeat.Token, r.Header("X-Auth-Token")));
            Assert.Equal(StackId, stack.Id);
            Assert.Equal(StackId, stack.StackId);
            Assert.Equal("CREATE", stack.Action);
            Assert.Equal("COMPLETE", stack.State);
            Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), stack.CreationTime);
            Assert.Equal(DateTimeKind.Utc, stack.UpdatedTime.Value.Kind);
            Assert.Equal(30, stack.UpdatedTime.Value.Second);
            Assert.IsAssignableFrom<Hashtable>(stack.Parameters);
            Assert.Equal("2", stack.Parameters["COUNT"]);
            Assert.Equal("http://web", stack.Outputs["url"]);
            Assert.Equal(new object[] { "x", "y" }, (object[])stack.Outputs["ids"]);
            Assert.Equal("The URL", stack.OutputDetails[0].Description);
            Assert.Equal(30, stack.TimeoutMins);
            Assert.True(stack.DisableRollback);
            Assert.Empty(stack.Tags);
            Assert.True(stack.IsDetailed);
        }

        [Fact]
        public async Task Get_WithNameAndId_GoesStraightToTheStack()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("my stack", StackId));

            var stack = await heat.Client().Stacks.GetAsync(new StackRef("my stack", StackId), default);

            Assert.Equal("my stack", stack.StackName);
            Assert.Equal(new[] { "GET stacks/my%20stack/" + StackId }, heat.Log);
        }

        [Fact]
        public async Task Create_PostsNameTemplateParametersTagsTimeoutAndRollback()
        {
            var heat = new FakeHeat().CreatesStack("web", StackId);
            var bundle = new TemplateBundle { Template = JObject.Parse("{\"heat_template_version\": \"2018-08-31\", \"resources\": {}}") };
            bundle.Files["file:///t/boot.sh"] = "#!/bin/sh";
            var request = new CreateStackRequest
            {
                StackName = "web",
                Template = bundle,
                Parameters = new System.Collections.Generic.Dictionary<string, object> { ["count"] = 2, ["names"] = new object[] { "a", "b" }, ["flag"] = true, ["map"] = new Hashtable { ["k"] = "v" } },
                TimeoutMinutes = 15,
                DisableRollback = true,
            };
            request.Tags.Add("ci");
            request.Tags.Add("web");

            var created = await heat.Client().Stacks.CreateAsync(request, default);

            var post = Assert.Single(heat.Requests);
            Assert.Equal("POST stacks", post.ToString());
            Assert.Equal("application/json; charset=utf-8", post.Header("Content-Type"));
            var sent = post.Json;
            Assert.Equal("web", (string)sent["stack_name"]);
            Assert.Equal("2018-08-31", (string)sent["template"]["heat_template_version"]);
            Assert.Equal("#!/bin/sh", (string)sent["files"]["file:///t/boot.sh"]);
            // As the reference client sends them: scalars as strings (Heat converts by the parameter's type),
            // lists and maps as JSON (for comma_delimited_list and json parameters).
            Assert.Equal("2", (string)sent["parameters"]["count"]);
            Assert.Equal(JTokenType.Array, sent["parameters"]["names"].Type);
            Assert.Equal(new[] { "a", "b" }, sent["parameters"]["names"].Select(t => (string)t));
            Assert.Equal("true", (string)sent["parameters"]["flag"]);
            Assert.Equal("v", (string)sent["parameters"]["map"]["k"]);
            Assert.Equal(15, (int)sent["timeout_mins"]);
            Assert.True((bool)sent["disable_rollback"]);
            Assert.Equal("ci,web", (string)sent["tags"]);
            Assert.Equal(StackId, created.Id);
            Assert.Equal("web", created.StackName);
            Assert.Equal("self", created.Links.Single().Rel);
        }

        [Fact]
        public async Task Delete_SendsDeleteToNameAndId()
        {
            var heat = new FakeHeat().DeletesStack("web", StackId);

            await heat.Client().Stacks.DeleteAsync(new StackRef("web", StackId), default);

            Assert.Equal(new[] { "DELETE stacks/web/" + StackId }, heat.Log);
        }

        [Fact]
        public async Task Validate_PostsTheTemplate_AndReadsParametersAndGroups()
        {
            var heat = new FakeHeat().Validates(JObject.Parse(@"{""Description"": ""Web tier"",
                ""Parameters"": {""count"": {""Type"": ""Number"", ""Default"": 2, ""Description"": ""How many"", ""Label"": ""count"", ""NoEcho"": ""false""},
                                 ""db_password"": {""Type"": ""String"", ""Description"": ""secret"", ""Label"": ""db_password"", ""NoEcho"": ""true""}},
                ""ParameterGroups"": [{""label"": ""sizing"", ""parameters"": [""count""]}]}"));

            var result = await heat.Client().Templates.ValidateAsync(new ValidateTemplateRequest
            {
                Template = new TemplateBundle { Template = JObject.Parse("{\"heat_template_version\": \"2018-08-31\"}") },
            }, "t.yaml", default);

            Assert.Equal("2018-08-31", (string)Assert.Single(heat.Sent(HttpMethod.Post)).Json["template"]["heat_template_version"]);
            Assert.Equal("Web tier", result.Description);
            var count = result.Parameters.Single(p => p.Name == "count");
            Assert.Equal("Number", count.Type);
            Assert.Equal(2, count.Default);
            Assert.True(result.Parameters.Single(p => p.Name == "db_password").NoEcho);
            Assert.Equal("sizing", ((Hashtable)result.ParameterGroups[0])["label"]);
            Assert.Equal("t.yaml", result.Source);
        }

        [Fact]
        public async Task Validate_AParameterThatIsNotAnObject_IsAnInvalidResponse()
        {
            var heat = new FakeHeat().Validates(JObject.Parse(@"{""Description"": ""x"", ""Parameters"": {""count"": ""Number""}}"));

            var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().Templates.ValidateAsync(new ValidateTemplateRequest
            {
                Template = new TemplateBundle { Template = JObject.Parse("{\"heat_template_version\": \"2018-08-31\"}") },
            }, "t.yaml", default));

            Assert.Contains("\"count\"", error.Message);
        }

        [Fact]
        public async Task TemplateUrl_IsFetchedWithoutTheToken_FollowingRedirects()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "http://repo.test/templates/web.yaml").Redirect("http://cdn.test/web.yaml");
            heat.On(HttpMethod.Get, "http://cdn.test/web.yaml").Text(HttpStatusCode.OK, "text/plain", "{\"heat_template_version\": \"2018-08-31\"}");

            var text = await heat.Client().Templates.FetchTextAsync(new Uri("http://repo.test/templates/web.yaml"), default);

            Assert.Equal("{\"heat_template_version\": \"2018-08-31\"}", text);
            Assert.Equal(new[] { "GET http://repo.test/templates/web.yaml", "GET http://cdn.test/web.yaml" }, heat.Log);
            Assert.All(heat.Requests, r => Assert.Null(r.Header("X-Auth-Token")));
        }

        [Fact]
        public async Task TemplateUrl_NotFound_IsANotFoundError()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "http://repo.test/missing.yaml").Text(HttpStatusCode.NotFound, "text/html", "<h1>Not Found</h1>");

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => heat.Client().Templates.FetchTextAsync(new Uri("http://repo.test/missing.yaml"), default));

            Assert.Equal("Not Found", error.Message);
        }

        [Fact]
        public async Task Validate_ShowNested_IsAQueryParameter()
        {
            var heat = new FakeHeat().Validates();

            await heat.Client().Templates.ValidateAsync(new ValidateTemplateRequest
            {
                Template = new TemplateBundle { Template = JObject.Parse("{}") },
                ShowNested = true,
            }, "t", default);

            Assert.Equal(new[] { "POST validate?show_nested=True" }, heat.Log);
        }
    }
}
