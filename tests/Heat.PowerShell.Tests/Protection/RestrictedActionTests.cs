using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests.Protection
{
    /// <summary>
    /// -RestrictedAction (issue 20): written as Heat's restricted_actions; an update Heat would fail on a restricted
    /// resource is refused before it is sent, and a preview marks it.
    /// </summary>
    public class RestrictedActionTests
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private const string Template = "'heat_template_version: 2018-08-31\nresources:\n  db: {type: OS::Heat::TestResource}\n'";

        /// <summary>web (1) whose preview replaces db and updates app in place; the stack's stored environment restricts
        /// <paramref name="storedRestriction"/> for db (none when null).</summary>
        private static FakeHeat Heat(string storedRestriction = null)
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            var preview = new JObject
            {
                ["resource_changes"] = new JObject
                {
                    ["replaced"] = new JArray(new JObject { ["resource_name"] = "db", ["resource_type"] = "OS::Heat::TestResource", ["stack_name"] = "web" }),
                    ["updated"] = new JArray(new JObject { ["resource_name"] = "app", ["resource_type"] = "OS::Heat::TestResource", ["stack_name"] = "web" }),
                },
            };
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, preview);
            heat.On(Patch, "stacks/web/1/preview").Json(HttpStatusCode.OK, preview);
            heat.On(HttpMethod.Put, "stacks/web/1").Status(HttpStatusCode.Accepted);
            heat.On(Patch, "stacks/web/1").Status(HttpStatusCode.Accepted);
            heat.On(HttpMethod.Get, "stacks/web/1/template").Json(HttpStatusCode.OK, JObject.Parse(
                @"{""heat_template_version"": ""2018-08-31"", ""resources"": {""db"": {""type"": ""OS::Heat::TestResource""}}}"));
            var registry = storedRestriction == null ? new JObject()
                : new JObject { ["resources"] = new JObject { ["d*"] = new JObject { ["restricted_actions"] = storedRestriction } } };
            heat.On(HttpMethod.Get, "stacks/web/1/environment").Json(HttpStatusCode.OK, new JObject
            {
                ["resource_registry"] = registry, ["parameters"] = new JObject(), ["parameter_defaults"] = new JObject(),
            });
            return heat;
        }

        private static string[] Changes(FakeHeat heat) =>
            heat.Requests.Where(r => r.Method != HttpMethod.Get.Method && !r.Route.EndsWith("/preview", System.StringComparison.Ordinal)).Select(r => r.ToString()).ToArray();

        [Fact]
        public void RestrictedAction_IsWrittenAsHeatsRestrictedActions_ForEachResource()
        {
            var heat = new FakeHeat().CreatesStack("web", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack web -Template {Template} -RestrictedAction @{{ db = 'Replace'; data = 'update', 'Replace' }} -Session $session");

            Assert.Empty(result.Errors);
            var resources = Assert.Single(heat.Sent(HttpMethod.Post)).Json["environment"]["resource_registry"]["resources"];
            Assert.Equal(new[] { "replace" }, resources["db"]["restricted_actions"].Select(a => (string)a));
            Assert.Equal(new[] { "update", "replace" }, resources["data"]["restricted_actions"].Select(a => (string)a));
        }

        [Fact]
        public void AnActionHeatCannotRestrict_IsAnError_AndNothingIsSent()
        {
            var heat = new FakeHeat().CreatesStack("web", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack web -Template {Template} -RestrictedAction @{{ db = 'Delete' }} -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Contains("'Delete' cannot be restricted", error.Exception.Message);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void AnUpdateThatReplacesARestrictedResource_IsRefused_BeforeItIsSent()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Update-HeatStack web -Template {Template} -RestrictedAction @{{ db = 'Replace' }} -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackActionRestricted,Heat.PowerShell.Cmdlets.UpdateHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("replace db (OS::Heat::TestResource)", error.Exception.Message);
            Assert.Empty(Changes(heat));
        }

        [Fact]
        public void APatch_IsRefused_WhenTheStacksOwnEnvironmentRestrictsTheChange()
        {
            var heat = Heat(storedRestriction: "replace");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Update-HeatStack web -Existing -Parameter @{ size = 2 } -Force -Session $session");

            Assert.Equal("HeatStackActionRestricted,Heat.PowerShell.Cmdlets.UpdateHeatStack", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(Changes(heat));
        }

        [Fact]
        public void AnUpdateOfWhatIsNotRestricted_IsSent()
        {
            // db is restricted for update only, and Heat would replace it; app is updated but not restricted.
            var heat = Heat(storedRestriction: "update");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Update-HeatStack web -Existing -Parameter @{ size = 2 } -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "PATCH stacks/web/1" }, Changes(heat));
        }

        [Fact]
        public void WithNothingRestricted_NothingMoreIsRead()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            host.Run($"Update-HeatStack web -Template {Template} -Force -Session $session");

            Assert.Equal(new[] { "PUT stacks/web/1" }, Changes(heat));
            Assert.DoesNotContain(heat.Requests, r => r.Route.EndsWith("/preview", System.StringComparison.Ordinal) || r.Route.EndsWith("/environment", System.StringComparison.Ordinal));
        }

        [Fact]
        public void APreview_MarksTheRestrictedChange_AndWarnsOnce()
        {
            var heat = Heat(storedRestriction: "replace");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Compare-HeatStack web -Existing -Parameter @{ size = 2 } -Session $session 3>&1");

            var rows = result.Objects<HeatStackDifference>().ToList();
            Assert.Equal("replace", rows.Single(r => r.Name == "db").Restricted);
            Assert.Null(rows.Single(r => r.Name == "app").Restricted);
            var warning = Assert.Single(result.Output.Select(o => o.BaseObject).OfType<System.Management.Automation.WarningRecord>());
            Assert.Contains("db would be replaced", warning.Message);
        }

        [Fact]
        public void SetHeatStack_RefusesTheUpdate_Too()
        {
            var heat = Heat();
            heat.On(HttpMethod.Get, "stacks/web/1/files").Json(HttpStatusCode.OK, new JObject());
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -RestrictedAction @{{ db = 'Replace' }} -Session $session");

            Assert.Equal("HeatStackActionRestricted,Heat.PowerShell.Cmdlets.SetHeatStack", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(Changes(heat));
        }
    }
}
