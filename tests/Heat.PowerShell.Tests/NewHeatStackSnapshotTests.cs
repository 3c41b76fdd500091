using System.Linq;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>New-HeatStackSnapshot: the snapshot as Heat began it, or with -Wait as it ended.</summary>
    public class NewHeatStackSnapshotTests
    {
        private static readonly JObject Data = JObject.Parse(@"{""name"": ""web"", ""status"": ""COMPLETE"", ""resources"": {}}");

        /// <summary>web (1) takes snapshot s1 (IN_PROGRESS, no data yet); read again, it is COMPLETE with its data.</summary>
        private static FakeHeat Heat(string finalStackStatus = "SNAPSHOT_COMPLETE") => new FakeHeat()
            .WritesStackEvents("web", "1", "SNAPSHOT_IN_PROGRESS", finalStackStatus)
            .ShowsStack(HeatFixtures.StackDetail("web", "1", "SNAPSHOT_IN_PROGRESS"), HeatFixtures.StackDetail("web", "1", finalStackStatus))
            .ListsResources("web", "1")
            .TakesSnapshot("web", "1", HeatFixtures.Snapshot("s1", "before-upgrade", "IN_PROGRESS"))
            .ShowsSnapshot("web", "1", HeatFixtures.Snapshot("s1", "before-upgrade", finalStackStatus == "SNAPSHOT_COMPLETE" ? "COMPLETE" : "FAILED", Data));

        [Fact]
        public void WithoutWait_WritesTheSnapshotAsHeatBeganIt()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatStackSnapshot web before-upgrade -Session $session");

            Assert.Empty(result.Errors);
            var snapshot = Assert.Single(result.Objects<HeatStackSnapshot>());
            Assert.Equal("s1 before-upgrade IN_PROGRESS web 1", $"{snapshot.Id} {snapshot.Name} {snapshot.Status} {snapshot.StackName} {snapshot.StackId}");
            Assert.Equal(new[] { "GET stacks/web", "POST stacks/web/1/snapshots" }, heat.Log);
            Assert.Equal("{\"name\":\"before-upgrade\"}", heat.Sent(HttpMethod.Post).Single().Json.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void WithoutAName_SendsNone()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatStackSnapshot web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(heat.Sent(HttpMethod.Post).Single().Json.Properties());
        }

        [Fact]
        public void Wait_WaitsForSnapshotComplete_ThenWritesTheSnapshotReadAgain()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatStackSnapshot web before-upgrade -Wait -Session $session");

            Assert.Empty(result.Errors);
            var snapshot = Assert.Single(result.Objects<HeatStackSnapshot>());
            Assert.Equal("COMPLETE", snapshot.Status);
            Assert.Equal("web", snapshot.Data["name"]);
            Assert.Equal("web", snapshot.StackName);
            var log = heat.Log;
            // The marker is taken before the snapshot is asked for, the events read after it, the snapshot read at the end.
            Assert.True(log.ToList().IndexOf("GET stacks/web/1/events?sort_dir=desc&limit=1") < log.ToList().IndexOf("POST stacks/web/1/snapshots"));
            Assert.Contains("GET stacks/web/1/events?sort_dir=asc&limit=100&marker=web-e0", log);
            Assert.Equal("GET stacks/web/1/snapshots/s1", log.Last());
        }

        [Fact]
        public void Wait_ASnapshotThatFails_IsAnErrorWithHeatsReason_AndNothingIsWritten()
        {
            var heat = Heat("SNAPSHOT_FAILED");
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatStackSnapshot web -Wait -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackSnapshotFailed,Heat.PowerShell.Cmdlets.NewHeatStackSnapshot", error.FullyQualifiedErrorId);
            Assert.Contains("SNAPSHOT_FAILED, not SNAPSHOT_COMPLETE", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void SeveralStacks_AreEachSnapshotted_AndAMissingOneIsAnError()
        {
            var heat = Heat().MissingStack("gone");
            using var host = new PowerShellHost(heat);

            var result = host.Run("'gone', 'web' | New-HeatStackSnapshot -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
            Assert.Contains("The Stack (gone) could not be found.", error.Exception.Message);
            Assert.Equal("web", Assert.Single(result.Objects<HeatStackSnapshot>()).StackName);
        }

        [Fact]
        public void WhatIf_TakesNoSnapshot()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatStackSnapshot web -WhatIf -Session $session");

            Assert.Empty(result.Output);
            Assert.Empty(heat.Sent(HttpMethod.Post));
            Assert.Equal(new[] { "What if: Performing the operation \"Take a snapshot of Heat stack\" on target \"web\"." }, result.HostLines);
        }
    }
}
