using System.Linq;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Restore-HeatStackSnapshot: the restore route, the stack written only with -PassThru, and -Wait.</summary>
    public class RestoreHeatStackSnapshotTests
    {
        /// <summary>web (1) restores from s1 (before-upgrade) to <paramref name="finalStatus"/>; s2 is listed too; no s9.</summary>
        private static FakeHeat Heat(string finalStatus = "RESTORE_COMPLETE") => new FakeHeat()
            .WritesStackEvents("web", "1", "RESTORE_IN_PROGRESS", finalStatus)
            .ShowsStack(HeatFixtures.StackDetail("web", "1", "RESTORE_IN_PROGRESS"), HeatFixtures.StackDetail("web", "1", finalStatus)
                .With("stack_status_reason", finalStatus == "RESTORE_COMPLETE" ? "Stack RESTORE completed successfully" : "Resource RESTORE failed: volume gone"))
            .ListsResources("web", "1")
            .ListsSnapshots("web", "1", HeatFixtures.Snapshot("s1", "before-upgrade"), HeatFixtures.Snapshot("s2", "nightly"))
            .RestoresSnapshot("web", "1", "s1")
            .MissingSnapshot("web", "1", "s9");

        private static string Restores(FakeHeat heat) => string.Join(", ", heat.Sent(HttpMethod.Post).Select(r => r.Route));

        [Fact]
        public void WithoutPassThru_RestoresAndWritesNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Restore-HeatStackSnapshot web s1 -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "GET stacks/web", "POST stacks/web/1/snapshots/s1/restore" }, heat.Log);
            // Heat's restore takes no body: one would be answered 400 "malformed".
            Assert.Null(heat.Sent(HttpMethod.Post).Single().Body);
        }

        [Fact]
        public void PassThru_WritesTheStackAsTheRestoreBegan()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("Restore-HeatStackSnapshot web s1 -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            var stack = Assert.Single(result.Objects<HeatStack>());
            Assert.Equal("web 1 RESTORE_IN_PROGRESS", $"{stack.StackName} {stack.Id} {stack.StackStatus}");
        }

        [Fact]
        public void WaitPassThru_WritesTheStackAsTheRestoreEnded()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Restore-HeatStackSnapshot web s1 -Force -Wait -PassThru -Session $session");

            Assert.Empty(result.Errors);
            var stack = Assert.Single(result.Objects<HeatStack>());
            Assert.Equal("web 1 RESTORE_COMPLETE", $"{stack.StackName} {stack.Id} {stack.StackStatus}");
            Assert.Contains("GET stacks/web/1/events?sort_dir=asc&limit=100&marker=web-e0", heat.Log);
        }

        [Fact]
        public void Wait_WithoutPassThru_WaitsAndWritesNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Restore-HeatStackSnapshot web s1 -Force -Wait -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Contains("GET stacks/web/1/events?sort_dir=asc&limit=100&marker=web-e0", heat.Log);
        }

        [Fact]
        public void Wait_ARestoreThatFails_IsAnErrorWithHeatsReason()
        {
            using var host = new PowerShellHost(Heat("RESTORE_FAILED"));

            var result = host.Run("Restore-HeatStackSnapshot web s1 -Force -Wait -PassThru -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.RestoreHeatStackSnapshot", error.FullyQualifiedErrorId);
            Assert.Contains("RESTORE_FAILED, not RESTORE_COMPLETE: Resource RESTORE failed: volume gone", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void APipedSnapshot_GivesItsStackAndId()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackSnapshot web -Session $session | Where-Object Name -eq before-upgrade | Restore-HeatStackSnapshot -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("stacks/web/1/snapshots/s1/restore", Restores(heat));
        }

        [Fact]
        public void AMissingSnapshot_IsHeatStackSnapshotNotFound_AsGetAndRemoveSay()
        {
            // Get- and Remove-HeatStackSnapshot (whose help promises it) call a missing snapshot HeatStackSnapshotNotFound; a
            // script that catches that id around a restore must not get HeatStackNotFound for a stack that exists.
            using var host = new PowerShellHost(Heat());

            var result = host.Run("Restore-HeatStackSnapshot web s9 -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Contains("Snapshot with id s9 not found", error.Exception.Message);
            Assert.Equal("HeatStackSnapshotNotFound,Heat.PowerShell.Cmdlets.RestoreHeatStackSnapshot", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndNoRestoresNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run("Restore-HeatStackSnapshot web s1 -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains("Performing the operation \"Restore Heat stack from snapshot s1\" on target \"web\".", Assert.Single(host.Host.Prompts));
            Assert.Empty(heat.Requests);
        }
    }
}
