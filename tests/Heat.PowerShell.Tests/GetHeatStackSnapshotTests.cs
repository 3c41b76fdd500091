using System;
using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Get-HeatStackSnapshot: a stack's snapshots listed, or one read with its data.</summary>
    public class GetHeatStackSnapshotTests
    {
        private static readonly JObject Data = JObject.Parse(@"{""name"": ""web"", ""status"": ""COMPLETE"",
            ""template"": {""heat_template_version"": ""2018-08-31""}, ""resources"": {""pass"": {""resource_data"": {""value"": ""q8TnBz""}}}}");

        /// <summary>web (1) has snapshots s1 (before-upgrade) and s2 (nightly, failed); s1 read alone has its data; no s9.</summary>
        private static FakeHeat Heat() => new FakeHeat()
            .ShowsStack(HeatFixtures.StackDetail("web", "1"))
            .MissingStack("gone")
            .ListsSnapshots("web", "1", HeatFixtures.Snapshot("s1", "before-upgrade"), HeatFixtures.Snapshot("s2", "nightly", "FAILED"))
            .ShowsSnapshot("web", "1", HeatFixtures.Snapshot("s1", "before-upgrade", data: Data))
            .MissingSnapshot("web", "1", "s9");

        [Fact]
        public void AStacksSnapshots_AreListed_EachCarryingItsStack()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackSnapshot web -Session $session");

            Assert.Empty(result.Errors);
            var snapshots = result.Objects<HeatStackSnapshot>().ToList();
            Assert.Equal(new[] { "s1 before-upgrade COMPLETE web 1", "s2 nightly FAILED web 1" },
                snapshots.Select(s => $"{s.Id} {s.Name} {s.Status} {s.StackName} {s.StackId}"));
            Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), snapshots[0].CreationTime);
            Assert.Equal(DateTimeKind.Utc, snapshots[0].CreationTime.Value.Kind);
            Assert.Equal("Stack SNAPSHOT failed", snapshots[1].StatusReason);
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/snapshots" }, heat.Log);
        }

        [Fact]
        public void OneSnapshot_IsReadWithTheDataHeatStored()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("$s = Get-HeatStackSnapshot web s1 -Session $session; $s.Name; $s.Data.resources.pass.resource_data.value; $s.StackName");

            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { "before-upgrade", "q8TnBz", "web" }, result.Output.Select(o => o.BaseObject).ToArray());
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/snapshots/s1" }, heat.Log);
        }

        [Fact]
        public void ListedSnapshots_PipeIn_AndEachIsReadByItsStackAndId()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackSnapshot web -Session $session | Where-Object Name -eq before-upgrade | " +
                                  "Get-HeatStackSnapshot -Session $session | ForEach-Object { $_.Data.resources.pass.resource_data.value }");

            Assert.Empty(result.Errors);
            Assert.Equal("q8TnBz", Assert.Single(result.Output).BaseObject);
            // The piped snapshot names its stack by name and id: no second lookup.
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/snapshots", "GET stacks/web/1/snapshots/s1" }, heat.Log);
        }

        [Fact]
        public void AMissingSnapshot_IsNotFound_NamingIt()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("Get-HeatStackSnapshot web s9 -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackSnapshotNotFound,Heat.PowerShell.Cmdlets.GetHeatStackSnapshot", error.FullyQualifiedErrorId);
            Assert.Equal("s9", error.TargetObject);
            Assert.Contains("Snapshot with id s9 not found", error.Exception.Message);
        }

        [Fact]
        public void AMissingStack_IsAnError_AndTheNextStacksSnapshotsCome()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("'gone', 'web' | Get-HeatStackSnapshot -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal(new[] { "s1", "s2" }, result.Objects<HeatStackSnapshot>().Select(s => s.Id));
        }
    }
}
