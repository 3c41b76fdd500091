using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Plans;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Plans
{
    /// <summary>What a plan holds and refuses, below the cmdlets: secrets out of every place a body carries them, and
    /// a fingerprint that moves with the stack and not with the order of its keys.</summary>
    public class StackPlannerTests
    {
        private static FakeHeat NoStack()
        {
            var heat = new FakeHeat().MissingStack("web");
            heat.On(HttpMethod.Post, "stacks/preview").Json(HttpStatusCode.OK, new JObject { ["stack"] = new JObject { ["resources"] = new JArray() } });
            return heat;
        }

        private static CreateStackRequest Request()
        {
            var bundle = new TemplateBundle
            {
                Template = JObject.Parse(@"{""heat_template_version"": ""2018-08-31"", ""parameters"": {""admin"": {""type"": ""string"", ""hidden"": true}, ""size"": {""type"": ""number""}}}"),
                Environment = JObject.Parse(@"{""parameters"": {""api_token"": ""t0k3n-env""}, ""parameter_defaults"": {""size"": 2}}"),
            };
            bundle.Files["file:///env/prod.yaml"] = @"{""parameter_defaults"": {""ssh_private_key"": ""k3y-file"", ""size"": 3}}";
            bundle.EnvironmentFiles.Add("file:///env/prod.yaml");
            return new CreateStackRequest { StackName = "web", Template = bundle, Parameters = { ["admin"] = "p4ss-direct", ["size"] = 1 } };
        }

        [Fact]
        public async Task ASecret_IsTakenOutOfTheParameters_TheEnvironment_AndTheEnvironmentFiles()
        {
            var plan = await new StackPlanner(NoStack().Client()).PlanCreateAsync(Request(), default);

            var text = plan.Request.ToString();
            Assert.DoesNotContain("p4ss-direct", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("t0k3n-env", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("k3y-file", text, System.StringComparison.Ordinal);
            Assert.Equal(new[] { "admin", "api_token", "ssh_private_key" }, plan.SecretParameters);
            // What is not secret stays as planned, in each place.
            Assert.Equal("1", (string)plan.Request["parameters"]["size"]);
            Assert.Contains("\"size\": 3", (string)plan.Request["files"]["file:///env/prod.yaml"], System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Applying_SendsTheSecretsGivenAgain_AsParametersOfTheTopTemplate()
        {
            var heat = NoStack().CreatesStack("web", "new-1");
            var planner = new StackPlanner(heat.Client());
            var plan = await planner.PlanCreateAsync(Request(), default);

            await planner.ApplyAsync(plan, new Hashtable { ["admin"] = "a", ["api_token"] = "t", ["ssh_private_key"] = "k" }, default);

            var sent = heat.Sent(HttpMethod.Post).Single(r => r.Route == "stacks").Json;
            Assert.Equal(new[] { "a", "t", "k" }, new[] { "admin", "api_token", "ssh_private_key" }.Select(n => (string)sent["parameters"][n]));
        }

        [Fact]
        public void TheFingerprintHash_DependsOnTheData_NotOnTheOrderOfItsKeys()
        {
            var one = HeatStackFingerprint.Hash(JObject.Parse(@"{""a"": 1, ""b"": {""x"": [1, 2], ""y"": null}}"));
            var reordered = HeatStackFingerprint.Hash(JObject.Parse(@"{""b"": {""y"": null, ""x"": [1, 2]}, ""a"": 1}"));
            var changed = HeatStackFingerprint.Hash(JObject.Parse(@"{""a"": 1, ""b"": {""x"": [2, 1], ""y"": null}}"));

            Assert.Equal(one, reordered);
            Assert.NotEqual(one, changed);
            Assert.StartsWith("sha256:", one, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Moved_NamesEachThingThatDiffers()
        {
            var planned = new HeatStackFingerprint { StackId = "1", StackStatus = "CREATE_COMPLETE", TemplateHash = "t", EnvironmentHash = "e", ParametersHash = "p" };
            var now = new HeatStackFingerprint { StackId = "1", StackStatus = "UPDATE_COMPLETE", UpdatedTime = new System.DateTime(2026, 12, 7, 9, 30, 0, System.DateTimeKind.Utc), TemplateHash = "t", EnvironmentHash = "e2", ParametersHash = "p" };

            var moved = planned.Moved(now);

            Assert.Equal(3, moved.Count);
            Assert.Contains(moved, m => m.Contains("UPDATE_COMPLETE"));
            Assert.Contains(moved, m => m.Contains("updated at 2026-12-07 09:30:00Z"));
            Assert.Contains("its environment changed", moved);
            Assert.Empty(planned.Moved(planned));
        }
    }
}
