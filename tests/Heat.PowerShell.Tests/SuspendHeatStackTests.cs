using System.Linq;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Suspend-HeatStack: Heat's suspend action, -PassThru, and -Wait.</summary>
    public class SuspendHeatStackTests
    {
        /// <summary>web (1) and db (2) suspend to <paramref name="finalStatus"/>.</summary>
        private static FakeHeat Heat(string finalStatus = "SUSPEND_COMPLETE")
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("web", "1"), HeatFixtures.Stack("db", "2"));
            foreach (var (name, id) in new[] { ("web", "1"), ("db", "2") })
            {
                heat.WritesStackEvents(name, id, "SUSPEND_IN_PROGRESS", finalStatus)
                    .ShowsStack(HeatFixtures.StackDetail(name, id, "SUSPEND_IN_PROGRESS"), HeatFixtures.StackDetail(name, id, finalStatus))
                    .ListsResources(name, id)
                    .AcceptsActions(name, id);
            }
            return heat;
        }

        [Fact]
        public void SendsHeatsSuspendAction_AndWritesNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Suspend-HeatStack web -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "GET stacks/web", "POST stacks/web/1/actions" }, heat.Log);
            Assert.Equal("{\"suspend\":null}", heat.Sent(HttpMethod.Post).Single().Json.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void PipedStacks_AreEachSuspendedById_AndPassThruWritesThemAsTheyStarted()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Suspend-HeatStack -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "web 1 SUSPEND_IN_PROGRESS", "db 2 SUSPEND_IN_PROGRESS" },
                result.Objects<HeatStack>().Select(s => $"{s.StackName} {s.Id} {s.StackStatus}"));
            Assert.Equal(new[] { "stacks/db/2/actions", "stacks/web/1/actions" }, heat.Sent(HttpMethod.Post).Select(r => r.Route).OrderBy(r => r));
            Assert.DoesNotContain("GET stacks/web", heat.Log);
        }

        [Fact]
        public void WaitPassThru_WritesEachStackSuspended()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Suspend-HeatStack web, db -Force -Wait -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "web SUSPEND_COMPLETE", "db SUSPEND_COMPLETE" }, result.Objects<HeatStack>().Select(s => $"{s.StackName} {s.StackStatus}"));
            Assert.Contains("GET stacks/db/2/events?sort_dir=asc&limit=100&marker=db-e0", heat.Log);
        }

        [Fact]
        public void Wait_ASuspendThatFails_IsAnErrorWithHeatsReason()
        {
            using var host = new PowerShellHost(Heat("SUSPEND_FAILED"));

            var result = host.Run("Suspend-HeatStack web -Force -Wait -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.SuspendHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("SUSPEND_FAILED, not SUSPEND_COMPLETE: Resource SUSPEND failed", error.Exception.Message);
        }

        [Fact]
        public void Confirm_AsksFirst_AndNoSuspendsNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run("Suspend-HeatStack web -Confirm -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains("Performing the operation \"Suspend Heat stack\" on target \"web\".", Assert.Single(host.Host.Prompts));
            Assert.Empty(heat.Sent(HttpMethod.Post));
        }
    }
}
