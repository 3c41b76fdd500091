using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests.Operations
{
    /// <summary>What a wait tells while it runs and when it ends.</summary>
    public class WaitReportTests
    {
        private static JObject Own(string id, string status, string stack, string stackId) =>
            HeatFixtures.Event(id, stack, status, stack, stackId, physicalId: stackId).With("resource_status_reason", "Stack " + status);

        [Fact]
        public void Verbose_DuringAWait_ShowsEachEventTheWaitReads()
        {
            var heat = new FakeHeat()
                .CreatesStack("web", "1")
                .ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_IN_PROGRESS"), HeatFixtures.StackDetail("web", "1", "CREATE_COMPLETE"))
                .ListsResources("web", "1", HeatFixtures.Resource("server", "OS::Heat::None", "web", "1"))
                .ListsEvents("web", "1",
                    HeatFixtures.Event("e1", "server", "CREATE_COMPLETE", "web", "1"),
                    Own("e2", "CREATE_COMPLETE", "web", "1"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatStack web -Template 'heat_template_version: 2018-08-31' -Wait -Verbose -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains(result.Verbose, l => l.EndsWith("[web.server]: CREATE_COMPLETE  state changed"));
            Assert.Contains(result.Verbose, l => l.EndsWith("[web]: CREATE_COMPLETE  Stack CREATE_COMPLETE"));
        }

        [Fact]
        public void FollowingAStackThatFails_EndsWithAnError_NotAsASuccess()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_FAILED").With("stack_status_reason", "Resource CREATE failed"))
                .ListsResources("web", "1", HeatFixtures.Resource("server", "OS::Heat::TestResource", "web", "1")
                    .With("resource_status", "CREATE_FAILED").With("resource_status_reason", "Test Resource failed server"))
                .ListsEvents("web", "1",
                    Own("e1", "CREATE_IN_PROGRESS", "web", "1"),
                    HeatFixtures.Event("e2", "server", "CREATE_FAILED", "web", "1"),
                    Own("e3", "CREATE_FAILED", "web", "1"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatEvent web -Follow -Session $session");

            Assert.Equal(new[] { "e1", "e2", "e3" }, result.Objects<HeatEvent>().Select(e => e.Id));
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackFailed,", error.FullyQualifiedErrorId);
            Assert.Contains("web.server: Test Resource failed server", error.Exception.Message);
        }
    }
}
