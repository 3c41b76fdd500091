using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Insight
{
    /// <summary>The create preview (<c>POST /stacks/preview</c>) as rows: what a create of a stack not there yet would make.</summary>
    public class CreatePreviewTests
    {
        private static JObject Resource(string name, string type, string stackName, string parent = null)
        {
            var resource = new JObject
            {
                ["resource_name"] = name,
                ["resource_type"] = type,
                ["stack_name"] = stackName,
                ["physical_resource_id"] = string.Empty,
                ["stack_identity"] = new JObject { ["stack_name"] = stackName, ["stack_id"] = "None" },
            };
            if (parent != null) resource["parent_resource"] = parent;
            return resource;
        }

        /// <summary>As the lab's Heat answers for a, b and a provider template c holding inner: c itself is not listed,
        /// its resources are, as a list in its place.</summary>
        private static FakeHeat Heat(JToken resources)
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "stacks/preview").Json(HttpStatusCode.OK, new JObject
            {
                ["stack"] = new JObject { ["stack_name"] = "web", ["id"] = "None", ["resources"] = resources },
            });
            return heat;
        }

        private static JArray LabAnswer() => new JArray(
            new JArray(Resource("inner", "OS::Heat::TestResource", "web-c", parent: "c")),
            Resource("b", "OS::Heat::RandomString", "web"),
            Resource("a", "OS::Heat::TestResource", "web"));

        private static CreateStackRequest Request() => new CreateStackRequest
        {
            StackName = "web",
            Template = new TemplateBundle
            {
                Template = JObject.Parse(@"{""heat_template_version"": ""2018-08-31"",
                    ""parameters"": {""p"": {""type"": ""string"", ""default"": ""d""}, ""given"": {""type"": ""string""},
                                     ""secret"": {""type"": ""string"", ""hidden"": true, ""default"": ""s3cr3t""}},
                    ""resources"": {""a"": {""type"": ""OS::Heat::TestResource""}, ""b"": {""type"": ""OS::Heat::RandomString""},
                                    ""c"": {""type"": ""file:///t/child.yaml""}}}"),
            },
            Parameters = { ["given"] = "g" },
        };

        private static string[] Rows(System.Collections.Generic.IEnumerable<HeatStackDifference> rows) =>
            rows.Select(r => $"{r.Change} {r.Kind} {r.Name} {r.ResourceType ?? r.After} {r.NestedStackName}".TrimEnd()).ToArray();

        [Fact]
        public async Task ACreatePreview_IsAnAddedRowPerResourceAndParameter_AndTheRequestIsTheCreate()
        {
            var heat = Heat(LabAnswer());

            var rows = await heat.Client().Comparer.CompareCreateAsync(Request(), showNested: false, default);

            Assert.Equal(new[]
            {
                "Added Resource c file:///t/child.yaml",
                "Added Resource b OS::Heat::RandomString",
                "Added Resource a OS::Heat::TestResource",
                "Added Parameter p d",
                "Added Parameter given g",
                "Added Parameter secret (hidden)",
            }, Rows(rows));
            Assert.All(rows, r => Assert.Equal("web", r.StackName));
            Assert.All(rows, r => Assert.Null(r.StackId));
            var sent = Assert.Single(heat.Requests);
            Assert.Equal("POST stacks/preview", sent.ToString());
            Assert.Equal("web", (string)sent.Json["stack_name"]);
            Assert.Equal("g", (string)sent.Json["parameters"]["given"]);
        }

        [Fact]
        public async Task ShowNested_AddsTheNestedStacksResources_NamingTheirStack()
        {
            var rows = await Heat(LabAnswer()).Client().Comparer.CompareCreateAsync(Request(), showNested: true, default);

            var inner = Assert.Single(rows, r => r.Name == "inner");
            Assert.Equal("web-c", inner.NestedStackName);
            Assert.Equal("OS::Heat::TestResource", inner.ResourceType);
            Assert.Equal(4, rows.Count(r => r.Kind == "Resource"));
        }

        [Fact]
        public async Task APreviewWithoutAResourceList_IsAnInvalidResponse_NotAnEmptyCreate()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "stacks/preview").Json(HttpStatusCode.OK, new JObject { ["stack"] = new JObject { ["stack_name"] = "web" } });

            var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().Comparer.CompareCreateAsync(Request(), false, default));

            Assert.Contains("\"resources\"", error.Message);
        }

        [Fact]
        public async Task APreviewNestedDeeperThanHeatNests_IsRefused()
        {
            JToken deep = new JArray(Resource("x", "OS::Heat::None", "deep", parent: "p"));
            for (int i = 0; i < 20; i++) deep = new JArray(deep);

            var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() => Heat(new JArray(deep)).Client().Comparer.CompareCreateAsync(Request(), true, default));

            Assert.Contains("nest deeper", error.Message);
        }

        [Fact]
        public async Task AResourceThatIsNeitherObjectNorList_IsAnInvalidResponse()
        {
            await Assert.ThrowsAsync<HeatInvalidResponseException>(() => Heat(new JArray("a")).Client().Comparer.CompareCreateAsync(Request(), false, default));
        }
    }
}
