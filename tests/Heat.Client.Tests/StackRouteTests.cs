using System;
using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.Client.Tests
{
    public class StackRouteTests
    {
        private const string StackId = "8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10";

        [Fact]
        public void List_ReadsEveryPage_WithTheLastIdAsMarker()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks").WithExactQueryString("limit=2")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": [" + TestCloud.StackJson("a", "id-a") + "," + TestCloud.StackJson("b", "id-b") + "]}");
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks").WithExactQueryString("limit=2&marker=id-b")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": [" + TestCloud.StackJson("c", "id-c") + "]}");
            var client = TestCloud.Client(mock);

            var names = client.Stacks.List(new StackListOptions { PageSize = 2 }, default).Select(s => s.StackName).ToList();

            Assert.Equal(new[] { "a", "b", "c" }, names);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public void List_ReadsPagesOnlyAsTheyAreUsed()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var first = mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks").WithExactQueryString("limit=1")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": [" + TestCloud.StackJson("a", "id-a") + "]}");
            var second = mock.When(HttpMethod.Get, TestCloud.Heat + "/stacks").WithExactQueryString("limit=1&marker=id-a")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": [" + TestCloud.StackJson("b", "id-b") + "]}");
            var client = TestCloud.Client(mock);

            var firstOnly = client.Stacks.List(new StackListOptions { PageSize = 1 }, default).First();

            Assert.Equal("a", firstOnly.StackName);
            Assert.Equal(1, mock.GetMatchCount(first));
            Assert.Equal(0, mock.GetMatchCount(second));
        }

        [Fact]
        public void List_SendsHeatsFilters()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks")
                .WithExactQueryString("name=web&status=FAILED&status=COMPLETE&tags=ci%2Cnightly&show_nested=True&show_deleted=True&limit=100")
                .RespondJson(HttpStatusCode.OK, "{\"stacks\": []}");
            var client = TestCloud.Client(mock);
            var options = new StackListOptions { ShowNested = true, ShowDeleted = true };
            options.Names.Add("web");
            options.Statuses.Add("FAILED");
            options.Statuses.Add("COMPLETE");
            options.Tags.Add("ci");
            options.Tags.Add("nightly");

            client.Stacks.List(options, default).ToList();

            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task Get_ByName_FollowsHeatsRedirect_KeepingTheToken()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks/web").WithHeaders("X-Auth-Token", TestCloud.Token)
                .Respond(_ =>
                {
                    var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                    redirect.Headers.Location = new Uri(TestCloud.Heat + "/stacks/web/" + StackId);
                    return redirect;
                });
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks/web/" + StackId).WithHeaders("X-Auth-Token", TestCloud.Token)
                .RespondJson(HttpStatusCode.OK, @"{""stack"": {
                    ""id"": """ + StackId + @""", ""stack_name"": ""web"", ""stack_status"": ""CREATE_COMPLETE"",
                    ""creation_time"": ""2026-11-25T10:00:00"", ""updated_time"": ""2026-11-25T10:05:30.123456"",
                    ""parameters"": {""count"": ""2"", ""OS::stack_name"": ""web""},
                    ""outputs"": [{""output_key"": ""url"", ""output_value"": ""http://web"", ""description"": ""The URL""},
                                  {""output_key"": ""ids"", ""output_value"": [""x"", ""y""], ""description"": ""ids""}],
                    ""capabilities"": [], ""timeout_mins"": 30, ""disable_rollback"": true, ""tags"": null,
                    ""template_description"": ""Web tier"",
                    ""links"": [{""href"": """ + TestCloud.Heat + "/stacks/web/" + StackId + @""", ""rel"": ""self""}]}}");
            var client = TestCloud.Client(mock);

            var stack = await client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

            mock.VerifyNoOutstandingExpectation();
            Assert.Equal(StackId, stack.Id);
            Assert.Equal(StackId, stack.StackId);
            Assert.Equal("CREATE", stack.Action);
            Assert.Equal("COMPLETE", stack.State);
            Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), stack.CreationTime);
            Assert.Equal(DateTimeKind.Utc, stack.UpdatedTime.Value.Kind);
            Assert.Equal(30, stack.UpdatedTime.Value.Second);
            Assert.IsType<Hashtable>(stack.Parameters);
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
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, TestCloud.Heat + "/stacks/my%20stack/" + StackId)
                .RespondJson(HttpStatusCode.OK, "{\"stack\": " + TestCloud.StackJson("my stack", StackId) + "}");
            var client = TestCloud.Client(mock);

            var stack = await client.Stacks.GetAsync(new StackRef("my stack", StackId), default);

            Assert.Equal("my stack", stack.StackName);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task Create_PostsNameTemplateParametersTagsTimeoutAndRollback()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.Expect(HttpMethod.Post, TestCloud.Heat + "/stacks")
                .WithHeaders("Content-Type", "application/json; charset=utf-8")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .RespondJson(HttpStatusCode.Created, @"{""stack"": {""id"": """ + StackId + @""", ""links"": [{""href"": """ + TestCloud.Heat + "/stacks/web/" + StackId + @""", ""rel"": ""self""}]}}");
            var client = TestCloud.Client(mock);
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

            var created = await client.Stacks.CreateAsync(request, default);

            mock.VerifyNoOutstandingExpectation();
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
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Delete, TestCloud.Heat + "/stacks/web/" + StackId).Respond(HttpStatusCode.NoContent);
            var client = TestCloud.Client(mock);

            await client.Stacks.DeleteAsync(new StackRef("web", StackId), default);

            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task Validate_PostsTheTemplate_AndReadsParametersAndGroups()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            JObject sent = null;
            mock.Expect(HttpMethod.Post, TestCloud.Heat + "/validate")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .RespondJson(HttpStatusCode.OK, @"{""Description"": ""Web tier"",
                    ""Parameters"": {""count"": {""Type"": ""Number"", ""Default"": 2, ""Description"": ""How many"", ""Label"": ""count"", ""NoEcho"": ""false""},
                                     ""db_password"": {""Type"": ""String"", ""Description"": ""secret"", ""Label"": ""db_password"", ""NoEcho"": ""true""}},
                    ""ParameterGroups"": [{""label"": ""sizing"", ""parameters"": [""count""]}]}");
            var client = TestCloud.Client(mock);

            var result = await client.Templates.ValidateAsync(new ValidateTemplateRequest
            {
                Template = new TemplateBundle { Template = JObject.Parse("{\"heat_template_version\": \"2018-08-31\"}") },
            }, "t.yaml", default);

            Assert.Equal("2018-08-31", (string)sent["template"]["heat_template_version"]);
            Assert.Equal("Web tier", result.Description);
            var count = result.Parameters.Single(p => p.Name == "count");
            Assert.Equal("Number", count.Type);
            Assert.Equal(2, count.Default);
            Assert.True(result.Parameters.Single(p => p.Name == "db_password").NoEcho);
            Assert.Equal("sizing", ((Hashtable)result.ParameterGroups[0])["label"]);
            Assert.Equal("t.yaml", result.Source);
        }

        [Fact]
        public async Task TemplateUrl_IsFetchedWithoutTheToken_FollowingRedirects()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Get, "http://repo.test/templates/web.yaml")
                .With(r => !r.Headers.Contains("X-Auth-Token"))
                .Respond(_ =>
                {
                    var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                    redirect.Headers.Location = new Uri("http://cdn.test/web.yaml");
                    return redirect;
                });
            mock.Expect(HttpMethod.Get, "http://cdn.test/web.yaml")
                .With(r => !r.Headers.Contains("X-Auth-Token"))
                .Respond(HttpStatusCode.OK, "text/plain", "{\"heat_template_version\": \"2018-08-31\"}");
            var client = TestCloud.Client(mock);

            var text = await client.Templates.FetchTextAsync(new Uri("http://repo.test/templates/web.yaml"), default);

            Assert.Equal("{\"heat_template_version\": \"2018-08-31\"}", text);
            mock.VerifyNoOutstandingExpectation();
        }

        [Fact]
        public async Task TemplateUrl_NotFound_IsANotFoundError()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, "http://repo.test/missing.yaml").Respond(HttpStatusCode.NotFound, "text/html", "<h1>Not Found</h1>");
            var client = TestCloud.Client(mock);

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => client.Templates.FetchTextAsync(new Uri("http://repo.test/missing.yaml"), default));

            Assert.Equal("Not Found", error.Message);
        }

        [Fact]
        public async Task Validate_ShowNested_IsAQueryParameter()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.Expect(HttpMethod.Post, TestCloud.Heat + "/validate").WithExactQueryString("show_nested=True")
                .RespondJson(HttpStatusCode.OK, "{\"Description\": \"x\", \"Parameters\": {}}");
            var client = TestCloud.Client(mock);

            await client.Templates.ValidateAsync(new ValidateTemplateRequest
            {
                Template = new TemplateBundle { Template = JObject.Parse("{}") },
                ShowNested = true,
            }, "t", default);

            mock.VerifyNoOutstandingExpectation();
        }
    }
}
