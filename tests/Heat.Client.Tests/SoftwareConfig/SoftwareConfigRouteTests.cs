using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.SoftwareConfig
{
    public class SoftwareConfigRouteTests
    {
        private const string Id = "3c9e4a8e-6a3e-4f51-9d5b-0c1f2e3d4a5b";

        [Fact]
        public void List_IsReadPageByPage_AfterTheLastIdOfAFullPage()
        {
            var heat = new FakeHeat().ListsSoftwareConfigs(
                SoftwareFixtures.ConfigSummary("c1", "boot"), SoftwareFixtures.ConfigSummary("c2", "deploy"), SoftwareFixtures.ConfigSummary("c3", "hardening"));

            var configs = heat.Client().SoftwareConfigs.List(new SoftwareConfigListOptions { PageSize = 2 }, default).ToList();

            Assert.Equal(new[] { "GET software_configs?limit=2", "GET software_configs?limit=2&marker=c2" }, heat.Log);
            Assert.Equal(new[] { "boot", "deploy", "hardening" }, configs.Select(c => c.Name));
            Assert.Equal("script", configs[0].Group);
            Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), configs[0].CreationTime);
            Assert.Equal(DateTimeKind.Utc, configs[0].CreationTime.Value.Kind);
        }

        [Fact]
        public async Task Show_GivesTheScriptInputsAndOutputs()
        {
            var heat = new FakeHeat().ShowsSoftwareConfig(SoftwareFixtures.Config(Id, "deploy").With("options", new JObject { ["retries"] = 3 }));

            var config = await heat.Client().SoftwareConfigs.GetAsync(Id, default);

            Assert.Equal(new[] { $"GET software_configs/{Id}" }, heat.Log);
            Assert.Equal(Id, config.ConfigId);
            Assert.StartsWith("#!/bin/sh\n", (string)config.Config);
            var input = Assert.Single(config.Inputs);
            Assert.Equal(("greeting", "String", "hello"), (input.Name, input.Type, (string)input.Default));
            var output = Assert.Single(config.Outputs);
            Assert.Equal(("result", false), (output.Name, output.ErrorOutput));
            Assert.Equal(3, config.Options["retries"]);
        }

        [Fact]
        public async Task Create_SendsHeatsShape_WithTypedValues()
        {
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "deploy"));
            var request = new CreateSoftwareConfigRequest
            {
                Name = "deploy",
                Group = "script",
                Config = "#!/bin/sh\necho hi\n",
                Inputs = { new Dictionary<string, object> { ["name"] = "port", ["type"] = "Number", ["default"] = 80 } },
                Outputs = { new Dictionary<string, object> { ["name"] = "result", ["error_output"] = true } },
                Options = { ["verbose"] = true },
            };

            var created = await heat.Client().SoftwareConfigs.CreateAsync(request, default);

            var sent = Assert.Single(heat.Requests);
            Assert.Equal("POST software_configs", sent.ToString());
            Assert.True(JToken.DeepEquals(JObject.Parse(@"{
                ""name"": ""deploy"", ""group"": ""script"", ""config"": ""#!/bin/sh\necho hi\n"",
                ""inputs"": [ { ""name"": ""port"", ""type"": ""Number"", ""default"": 80 } ],
                ""outputs"": [ { ""name"": ""result"", ""error_output"": true } ],
                ""options"": { ""verbose"": true } }"), sent.Json), sent.Body);
            Assert.Equal(Id, created.Id);
        }

        [Fact]
        public async Task Create_WithOnlyAName_SendsHeatclientsDefaults()
        {
            // What openstack software config create sends for a name alone (Heat 19 takes a missing list as empty too).
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "bare", SoftwareConfigsClient.DefaultGroup, ""));

            await heat.Client().SoftwareConfigs.CreateAsync(new CreateSoftwareConfigRequest { Name = "bare" }, default);

            Assert.True(JToken.DeepEquals(JObject.Parse(@"{
                ""name"": ""bare"", ""group"": ""Heat::Ungrouped"", ""config"": """", ""inputs"": [], ""outputs"": [], ""options"": {} }"),
                heat.Requests.Single().Json), heat.Requests.Single().Body);
        }

        [Fact]
        public async Task Create_AnswerWithoutItsEnvelope_IsAnInvalidResponse_NotAnEmptyConfig()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "software_configs").Json(HttpStatusCode.OK, new JObject { ["id"] = Id });

            var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() =>
                heat.Client().SoftwareConfigs.CreateAsync(new CreateSoftwareConfigRequest { Name = "x" }, default));

            Assert.Contains("\"software_config\"", error.Message);
        }

        [Fact]
        public async Task Create_IsNotSentAgain_AfterAServerError()
        {
            // A create that may have arrived is never repeated: a second one would make a second config.
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "software_configs").Error(HttpStatusCode.ServiceUnavailable, "busy");

            await Assert.ThrowsAsync<HeatServerException>(() =>
                heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1)).SoftwareConfigs.CreateAsync(new CreateSoftwareConfigRequest { Name = "x" }, default));

            Assert.Single(heat.Requests);
        }

        [Theory]
        [InlineData("type", "Strin", "The input 'port' has type 'Strin', which is not one of String, Number, CommaDelimitedList, Json, Boolean.")]
        [InlineData("typ", "Number", "The input 'port' has 'typ', which Heat does not know: an input takes name, description, type, default, replace_on_change, value.")]
        [InlineData("name", "", "The input at position 1 has no name.")]
        public async Task Create_WithASchemaHeatWouldRefuseWordlessly_IsRefusedHere_NamingTheFault(string key, string value, string message)
        {
            // Heat 19 answers these with a bare 400 ("could not comply"), and its /validate lets them through.
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "x"));
            var request = new CreateSoftwareConfigRequest { Name = "x", Inputs = { new Dictionary<string, object> { ["name"] = "port", [key] = value } } };

            var error = await Assert.ThrowsAsync<ArgumentException>(() => heat.Client().SoftwareConfigs.CreateAsync(request, default));

            Assert.Equal(message, error.Message);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public async Task Create_AnOutputWithAnInputsKey_IsRefused()
        {
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "x"));
            var request = new CreateSoftwareConfigRequest { Name = "x", Outputs = { new Dictionary<string, object> { ["name"] = "r", ["default"] = 1 } } };

            var error = await Assert.ThrowsAsync<ArgumentException>(() => heat.Client().SoftwareConfigs.CreateAsync(request, default));

            Assert.StartsWith("The output 'r' has 'default', which Heat does not know", error.Message);
        }

        [Fact]
        public async Task Delete_AddressesTheConfigById()
        {
            var heat = new FakeHeat().DeletesSoftwareConfig(Id);

            await heat.Client().SoftwareConfigs.DeleteAsync(Id, default);

            Assert.Equal(new[] { $"DELETE software_configs/{Id}" }, heat.Log);
        }

        [Fact]
        public async Task Missing_IsNotFound_InHeatsWords_WithTheIdHeatLeavesOut()
        {
            var heat = new FakeHeat().MissingSoftwareConfig("nope");

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => heat.Client().SoftwareConfigs.GetAsync("nope", default));

            Assert.Equal("Software config with id nope not found", error.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public async Task EmptyId_IsRefused_BeforeAnythingIsSent(string id)
        {
            // DELETE software_configs/ would address the list, not a config.
            var heat = new FakeHeat();

            await Assert.ThrowsAsync<ArgumentException>(() => heat.Client().SoftwareConfigs.DeleteAsync(id, default));
            await Assert.ThrowsAsync<ArgumentException>(() => heat.Client().SoftwareConfigs.GetAsync(id, default));

            Assert.Empty(heat.Requests);
        }

        [Fact]
        public async Task AnIdWithASlash_StaysOneSegment()
        {
            var heat = new FakeHeat().DeletesSoftwareConfig("a/b");

            await heat.Client().SoftwareConfigs.DeleteAsync("a/b", default);

            Assert.Equal(new[] { "DELETE software_configs/a%2Fb" }, heat.Log);
        }
    }
}
