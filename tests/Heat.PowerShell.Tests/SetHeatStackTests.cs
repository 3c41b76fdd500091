using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Set-HeatStack: create, update or leave alone, decided by what Heat holds against the definition; Heat's
    /// preview gives the rows.</summary>
    public class SetHeatStackTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        private static JObject Preview(params (string Change, string Resource)[] changes)
        {
            var buckets = new JObject { ["added"] = new JArray(), ["replaced"] = new JArray(), ["updated"] = new JArray(), ["deleted"] = new JArray(), ["unchanged"] = new JArray() };
            foreach (var (change, resource) in changes)
            {
                ((JArray)buckets[change]).Add(new JObject { ["resource_name"] = resource, ["resource_type"] = "OS::Heat::ResourceGroup", ["stack_name"] = "web" });
            }
            return new JObject { ["resource_changes"] = buckets };
        }

        /// <summary>
        /// A stack web (id 1) that holds <see cref="Template"/> with no parameters, tags prod, as Heat 19 shows it; its
        /// preview flags a group as updated, as Heat's preview does for every nested stack whether or not anything changed.
        /// </summary>
        private static FakeHeat Holding(string status = "CREATE_COMPLETE")
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", status).With("tags", new JArray("prod")));
            heat.On(HttpMethod.Get, "stacks/web/1/template").Json(HttpStatusCode.OK, new JObject { ["heat_template_version"] = "2018-08-31" });
            heat.On(HttpMethod.Get, "stacks/web/1/environment").Json(HttpStatusCode.OK, JObject.Parse(
                @"{""resource_registry"": {""resources"": {}}, ""parameters"": {}, ""parameter_defaults"": {}, ""event_sinks"": [], ""encrypted_param_names"": []}"));
            heat.On(HttpMethod.Get, "stacks/web/1/files").Json(HttpStatusCode.OK, new JObject());
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, Preview(("updated", "group")));
            heat.On(HttpMethod.Put, "stacks/web/1").Status(HttpStatusCode.Accepted);
            return heat;
        }

        [Fact]
        public void AStackThatDoesNotExist_IsCreated_WithTheDefinitionGiven()
        {
            var heat = new FakeHeat().MissingStack("web").CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Parameter @{{ size = 'large' }} -Tag prod -Session $session");

            var done = result.Objects<HeatStackSetResult>().Single();
            Assert.Equal("Created", done.Operation);
            Assert.Equal("new-1", done.StackId);
            var sent = Assert.Single(heat.Sent(HttpMethod.Post)).Json;
            Assert.Equal("large", (string)sent["parameters"]["size"]);
            Assert.Equal("prod", (string)sent["tags"]);
            Assert.True((bool)sent["disable_rollback"]);
        }

        [Fact]
        public void TheDefinitionHeatHolds_LeavesTheStackAlone_ThoughThePreviewFlagsANestedStack()
        {
            var heat = Holding();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Tag prod -Session $session -Verbose");

            var done = result.Objects<HeatStackSetResult>().Single();
            Assert.Equal("Unchanged", done.Operation);
            Assert.Empty(done.Differences);
            Assert.DoesNotContain(heat.Log, l => l.StartsWith("PUT", System.StringComparison.Ordinal));
            Assert.Contains(result.Verbose, v => v.Contains("web") && v.Contains("not updated"));
        }

        [Fact]
        public void Converge_UpdatesTheDefinitionHeatHolds_WithHeatsConverge()
        {
            var heat = Holding();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Tag prod -Converge -Session $session");

            var done = result.Objects<HeatStackSetResult>().Single();
            Assert.Equal("Updated", done.Operation);
            Assert.Equal(new[] { "converge" }, done.Differences);
            var sent = Assert.Single(heat.Sent(HttpMethod.Put), r => r.Route == "stacks/web/1").Json;
            Assert.True((bool)sent["converge"]);
        }

        [Fact]
        public void ADifference_Updates_WithThePreviewRows_AndSaysWhatDiffered()
        {
            var heat = Holding();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Tag prod,web -Parameter @{{ size = 'large' }} -Session $session -Verbose");

            var done = result.Objects<HeatStackSetResult>().Single();
            Assert.Equal("Updated", done.Operation);
            Assert.Equal(new[] { "parameter size", "tags" }, done.Differences);
            Assert.Equal(new[] { "group" }, done.Changes.Where(c => c.Change == "Updated").Select(c => c.ResourceName));
            Assert.Contains(result.Verbose, v => v.Contains("differs: parameter size; tags"));
            var update = heat.Sent(HttpMethod.Put).Single(r => r.Route == "stacks/web/1").Json;
            Assert.Equal("prod,web", (string)update["tags"]);
            Assert.Equal("large", (string)update["parameters"]["size"]);
        }

        [Fact]
        public void AnUpdate_IsTheOneUpdateHeatStackSends_RollbackLeftToTheStack_UnlessGiven()
        {
            var heat = Holding();
            using var host = new PowerShellHost(heat);

            host.Run($"Set-HeatStack web -Template {Template} -Tag prod, web -Session $session");
            host.Run($"Set-HeatStack web -Template {Template} -Tag prod, web -EnableRollback -Session $session");

            var puts = heat.Requests.Where(r => r.Method == "PUT" && r.Route == "stacks/web/1").Select(r => r.Json).ToList();
            Assert.Equal(2, puts.Count);
            // Without a rollback switch the stack keeps its own setting, as Update-HeatStack leaves it.
            Assert.Null(puts[0]["disable_rollback"]);
            Assert.False((bool)puts[1]["disable_rollback"]);
        }

        [Fact]
        public void AFailedStack_IsUpdatedAgain_EvenWhenHeatHoldsTheDefinition()
        {
            var heat = Holding("CREATE_FAILED");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Tag prod -Session $session");

            var done = result.Objects<HeatStackSetResult>().Single();
            Assert.Equal("Updated", done.Operation);
            Assert.Equal(new[] { "CREATE_FAILED: retry" }, done.Differences);
            Assert.Contains("PUT stacks/web/1", heat.Log);
        }

        [Fact]
        public void WhatIf_OnADifference_WritesThePreviewRows_AsUpdateHeatStackDoes_AndChangesNothing()
        {
            var heat = Holding();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Tag dev -WhatIf -Session $session");

            var rows = result.Objects<HeatStackDifference>().ToList();
            Assert.Equal(new[] { "Resource Updated group" }, rows.Select(r => $"{r.Kind} {r.Change} {r.Name}"));
            Assert.Empty(result.Objects<HeatStackSetResult>());
            Assert.Contains(result.HostLines, l => l.Contains("What if") && l.Contains("Update Heat stack (differs: tags)") && l.Contains("web"));
            Assert.DoesNotContain("PUT stacks/web/1", heat.Log);
        }
    }
}
