using System.Linq;
using System.Net.Http;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Remove-HeatStackSnapshot: each snapshot deleted, a missing one an error, nothing written.</summary>
    public class RemoveHeatStackSnapshotTests
    {
        /// <summary>web (1) lists s1, s2 and s3; s2 is gone by the time it is deleted.</summary>
        private static FakeHeat Heat() => new FakeHeat()
            .ShowsStack(HeatFixtures.StackDetail("web", "1"))
            .ListsSnapshots("web", "1", HeatFixtures.Snapshot("s1", "a"), HeatFixtures.Snapshot("s2", "b"), HeatFixtures.Snapshot("s3", "c"))
            .DeletesSnapshot("web", "1", "s1").MissingSnapshot("web", "1", "s2").DeletesSnapshot("web", "1", "s3");

        private static string[] Deleted(FakeHeat heat) => heat.Sent(HttpMethod.Delete).Select(r => r.Route).ToArray();

        [Fact]
        public void ASnapshot_IsDeleted_AndNothingIsWritten()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStackSnapshot web s1 -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "GET stacks/web", "DELETE stacks/web/1/snapshots/s1" }, heat.Log);
        }

        [Fact]
        public void PipedSnapshots_AreEachDeleted_AndAMissingOneIsAnError_TheRestGoOn()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackSnapshot web -Session $session | Remove-HeatStackSnapshot -Force -Session $session");

            Assert.Equal(new[] { "stacks/web/1/snapshots/s1", "stacks/web/1/snapshots/s2", "stacks/web/1/snapshots/s3" }, Deleted(heat));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackSnapshotNotFound,Heat.PowerShell.Cmdlets.RemoveHeatStackSnapshot", error.FullyQualifiedErrorId);
            Assert.Equal("s2", error.TargetObject);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndNoKeepsTheSnapshot()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run("Remove-HeatStackSnapshot web s1 -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains("Performing the operation \"Remove Heat stack snapshot\" on target \"web snapshot s1\".", Assert.Single(host.Host.Prompts));
            Assert.Empty(Deleted(heat));
        }

        [Fact]
        public void WhatIf_DeletesNothing_AndNamesEachSnapshot()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackSnapshot web -Session $session | Remove-HeatStackSnapshot -WhatIf -Session $session");

            Assert.Empty(Deleted(heat));
            Assert.Equal(new[] { "s1", "s2", "s3" }.Select(s => $"What if: Performing the operation \"Remove Heat stack snapshot\" on target \"web (1) snapshot {s}\"."),
                result.HostLines);
        }
    }
}
