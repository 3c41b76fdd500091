using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Set-HeatStack: create, update or leave alone, decided by Heat's own preview.</summary>
    public class SetHeatStackTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        private static JObject Preview(params (string Change, string Resource)[] changes)
        {
            var buckets = new JObject { ["added"] = new JArray(), ["replaced"] = new JArray(), ["updated"] = new JArray(), ["deleted"] = new JArray(), ["unchanged"] = new JArray() };
            foreach (var (change, resource) in changes)
            {
                ((JArray)buckets[change]).Add(new JObject { ["resource_name"] = resource, ["resource_type"] = "OS::Heat::None", ["stack_name"] = "web" });
            }
            return new JObject { ["resource_changes"] = buckets };
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
        public void APreviewWithNothingToChange_LeavesTheStackAlone()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "UPDATE_COMPLETE"));
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, Preview(("unchanged", "r")));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Parameter @{{ size = 'large' }} -Session $session");

            Assert.Equal("Unchanged", result.Objects<HeatStackSetResult>().Single().Operation);
            Assert.Equal("large", (string)heat.Sent(HttpMethod.Put).Single().Json["parameters"]["size"]);
            Assert.DoesNotContain(heat.Log, l => l == "PUT stacks/web/1");
        }

        [Fact]
        public void APreviewWithAChange_Updates_AndSaysWhatChanged()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_COMPLETE"));
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, Preview(("updated", "r"), ("unchanged", "s")));
            heat.On(HttpMethod.Put, "stacks/web/1").Status(HttpStatusCode.Accepted);
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Session $session");

            var done = result.Objects<HeatStackSetResult>().Single();
            Assert.Equal("Updated", done.Operation);
            Assert.Equal(new[] { "r" }, done.Changes.Where(c => c.Change == "Updated").Select(c => c.ResourceName));
            Assert.Contains("PUT stacks/web/1", heat.Log);
        }

        [Fact]
        public void AFailedStack_IsUpdated_EvenWhenThePreviewShowsNoChange()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_FAILED"));
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, Preview(("unchanged", "r")));
            heat.On(HttpMethod.Put, "stacks/web/1").Status(HttpStatusCode.Accepted);
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack web -Template {Template} -Session $session");

            Assert.Equal("Updated", result.Objects<HeatStackSetResult>().Single().Operation);
        }
    }
}
