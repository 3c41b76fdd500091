using System.Linq;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// "." and ".." name nothing in Heat: in a URL they mean "here" and "one up", so they would reach another route.
    /// Before, <c>Remove-HeatStackSnapshot web -SnapshotId ..</c> sent a DELETE of the stack's own URL, and
    /// <c>Set-HeatResource -ResourceName ..</c> patched the stack. Now each is an argument error about that item, and
    /// nothing is sent.
    /// </summary>
    public class DotSegmentTests
    {
        [Fact]
        public void RemoveHeatStackSnapshot_WithDotDot_IsAnArgumentError_AndSendsNothing()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).DeletesStack("web", "s1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStackSnapshot web -SnapshotId .. -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackSnapshotArgumentInvalid,", error.FullyQualifiedErrorId);
            Assert.Contains("'..' cannot be a snapshot id", error.Exception.Message);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void SetHeatResource_WithDotDot_IsAnArgumentError_AndPatchesNothing()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsHealthChange("web", "s1", "..");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Set-HeatResource web -ResourceName .. -MarkUnhealthy -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Contains("ArgumentInvalid,", error.FullyQualifiedErrorId);
            Assert.Contains("'..' cannot be a resource name", error.Exception.Message);
            Assert.DoesNotContain(heat.Requests, r => r.Method != "GET");
        }
    }
}
