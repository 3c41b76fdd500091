using System.Linq;
using System.Management.Automation;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Operations
{
    /// <summary>One timeout convention for every wait: -WaitTimeoutMinutes; the older names still work.</summary>
    public class WaitTimeoutTests
    {
        public static TheoryData<string> Waiting => new TheoryData<string>
        {
            "New-HeatStack", "Set-HeatStack", "Update-HeatStack", "Remove-HeatStack", "Suspend-HeatStack", "Resume-HeatStack",
            "Test-HeatStack", "Stop-HeatStack", "New-HeatStackSnapshot", "Restore-HeatStackSnapshot", "Wait-HeatStack", "Get-HeatEvent",
        };

        [Theory]
        [MemberData(nameof(Waiting))]
        public void EveryCmdletThatWaits_TakesWaitTimeoutMinutes_UpToAWeek(string cmdlet)
        {
            using var host = new PowerShellHost(null);

            var parameter = host.Run($"(Get-Command {cmdlet}).Parameters['WaitTimeoutMinutes']").Objects<ParameterMetadata>().Single();

            Assert.Equal(typeof(int), parameter.ParameterType);
            var range = parameter.Attributes.OfType<ValidateRangeAttribute>().Single();
            Assert.Equal(1, (int)range.MinRange);
            Assert.Equal(7 * 24 * 60, (int)range.MaxRange);
        }

        [Fact]
        public void OldNames_StillWork_AndTwoAtOnceAreAnError()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            using var host = new PowerShellHost(heat);

            Assert.Empty(host.Run("Wait-HeatStack web -Timeout 30 -Session $session").Errors);
            Assert.Empty(host.Run("Wait-HeatStack web -TimeoutSec 30 -Session $session").Errors);
            Assert.Equal(true, host.Run("(Get-Command Get-HeatEvent).ResolveParameter('FollowTimeoutMinutes').Name -eq 'WaitTimeoutMinutes'").Output.Single().BaseObject);
            var both = host.RunExpectingTermination("Wait-HeatStack web -Timeout 30 -WaitTimeoutMinutes 1 -Session $session");
            Assert.StartsWith("HeatWaitTimeoutConflict", both.Terminating.FullyQualifiedErrorId);
        }
    }
}
