using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Hooks (breakpoints): written as heatclient writes them, listed from events, cleared by signals.</summary>
    public class HookTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        private static JObject Paused(string id, string resource, string reason) =>
            HeatFixtures.Event(id, resource, "INIT_COMPLETE", "web", "1").With("resource_status_reason", reason);

        [Fact]
        public void NewHeatStack_WritesHooksIntoTheEnvironment_AsHeatclientDoes()
        {
            var heat = new FakeHeat().CreatesStack("web", "1");
            using var host = new PowerShellHost(heat);

            host.Run($"New-HeatStack web -Template {Template} -PreCreateHook 'db_*', 'group/*/server' -PreDeleteHook 'db_*' -Session $session");

            var resources = heat.Sent(HttpMethod.Post).Single().Json["environment"]["resource_registry"]["resources"];
            Assert.Equal(new[] { "pre-create", "pre-delete" }, resources["db_*"]["hooks"].Select(t => (string)t));
            Assert.Equal("pre-create", (string)resources["group"]["*"]["server"]["hooks"]);
        }

        [Fact]
        public void UpdateHeatStack_Existing_SendsOnlyTheHooks_KeepingTheTemplate()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            heat.On(new HttpMethod("PATCH"), "stacks/web/1").Status(HttpStatusCode.Accepted);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Update-HeatStack web -Existing -PreUpdateHook app -Force -Session $session");

            Assert.Empty(result.Errors);
            var sent = heat.Sent(new HttpMethod("PATCH")).Single().Json;
            Assert.Null(sent["template"]);
            Assert.Equal("pre-update", (string)sent["environment"]["resource_registry"]["resources"]["app"]["hooks"]);
        }

        [Fact]
        public void GetHeatStackHook_ListsWhatStillWaits_SinceTheActionBegan()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_IN_PROGRESS"))
                .ListsEvents("web", "1",
                    Paused("e0", "old", "CREATE paused until Hook pre-create is cleared"),
                    HeatFixtures.Event("e1", "web", "CREATE_IN_PROGRESS", "web", "1", physicalId: "1"),
                    Paused("e2", "db", "CREATE paused until Hook pre-create is cleared"),
                    Paused("e3", "app", "CREATE paused until Hook pre-create is cleared"),
                    Paused("e4", "app", "Hook pre-create is cleared"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackHook web -Session $session");

            var hook = Assert.Single(result.Objects<HeatStackHook>());
            Assert.Equal("db", hook.ResourceName);
            Assert.Equal("pre-create", hook.HookType);
        }

        [Fact]
        public void ClearHeatStackHook_SignalsEachMatchingResource_WithTheHookOfTheCurrentAction()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "UPDATE_IN_PROGRESS"))
                .ListsResources("web", "1", HeatFixtures.Resource("db1", "OS::Heat::None", "web", "1"),
                    HeatFixtures.Resource("db2", "OS::Heat::None", "web", "1"), HeatFixtures.Resource("app", "OS::Heat::None", "web", "1"));
            heat.On(HttpMethod.Post, "stacks/web/1/resources/db1/signal").Status(HttpStatusCode.OK);
            heat.On(HttpMethod.Post, "stacks/web/1/resources/db2/signal").Status(HttpStatusCode.OK);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Clear-HeatStackHook web 'db*' -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "db1", "db2" }, result.Objects<HeatStackHook>().Select(h => h.ResourceName));
            Assert.All(heat.Sent(HttpMethod.Post), r => Assert.Equal("pre-update", (string)r.Json["unset_hook"]));
        }
        [Fact]
        public void GetHeatStackHook_PipedToClear_ClearsEachHook_ByStackResourceAndHookType()
        {
            // README: Get-HeatStackHook web-prod | Clear-HeatStackHook. Without binding by property name the pipe
            // stops at "missing mandatory parameters: ResourceName".
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_IN_PROGRESS"))
                .ListsEvents("web", "1",
                    HeatFixtures.Event("e1", "web", "CREATE_IN_PROGRESS", "web", "1", physicalId: "1"),
                    Paused("e2", "db", "CREATE paused until Hook pre-create is cleared"))
                .ListsResources("web", "1", HeatFixtures.Resource("db", "OS::Heat::None", "web", "1"),
                    HeatFixtures.Resource("app", "OS::Heat::None", "web", "1"));
            heat.On(HttpMethod.Post, "stacks/web/1/resources/db/signal").Status(HttpStatusCode.OK);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackHook web -Session $session | Clear-HeatStackHook -Session $session");

            Assert.Empty(result.Errors);
            // The one output rule: a cmdlet that changes something writes only with -PassThru.
            Assert.Empty(result.Output);
            var signal = Assert.Single(heat.Sent(HttpMethod.Post));
            Assert.EndsWith("resources/db/signal", signal.Uri.AbsolutePath);
            Assert.Equal("pre-create", (string)signal.Json["unset_hook"]);
        }
    }
}
