using System.Linq;
using System.Net.Http;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Operations
{
    /// <summary>
    /// WhatIf always wins: bound, set as a preference, or inherited from a calling script run with -WhatIf, it changes
    /// nothing, and -Force only skips the prompt. Every cmdlet that takes -Force is here; the stacks are given with
    /// name and id, so a cmdlet that acted would go straight to Heat.
    /// </summary>
    public class WhatIfWinsTests
    {
        public static TheoryData<string> ForcedCommands => new TheoryData<string>
        {
            "Remove-HeatStack -StackName web -StackId 1 -Force",
            "Remove-HeatStack -StackName web -StackId 1 -Abandon -Force",
            "Suspend-HeatStack -StackName web -StackId 1 -Force",
            "Resume-HeatStack -StackName web -StackId 1 -Force",
            "Test-HeatStack -StackName web -StackId 1 -Force",
            "Stop-HeatStack -StackName web -StackId 1 -Force",
            "Update-HeatStack -StackName web -StackId 1 -Existing -Force",
            "Restore-HeatStackSnapshot -StackName web -StackId 1 -SnapshotId s1 -Force",
            "Remove-HeatStackSnapshot -StackName web -StackId 1 -SnapshotId s1 -Force",
            "Remove-HeatSoftwareConfig -Id c1 -Force",
            "Remove-HeatSoftwareDeployment -Id d1 -Force",
            "Protect-HeatStack -StackName web -StackId 1 -Force",
            "Unprotect-HeatStack -StackName web -StackId 1 -Force",
            "Invoke-HeatStackPlan -Plan ([Heat.Client.Plans.HeatStackPlan]@{ Operation = 'Create'; Target = [Heat.Client.Plans.HeatPlanTarget]@{ StackName = 'web2' } }) -Force",
        };

        private static FakeHeat Heat() => new FakeHeat()
            .ShowsStack(HeatFixtures.StackDetail("web", "1"))
            .DeletesStack("web", "1")
            .DeletesSoftwareConfig("c1");

        private static void AssertNothingChanged(FakeHeat heat, PowerShellHost.Result result)
        {
            // Update-HeatStack -WhatIf asks for Heat's preview, which changes nothing.
            Assert.Empty(heat.Requests.Where(r => r.Method != HttpMethod.Get.Method && !r.Route.EndsWith("/preview")).Select(r => r.ToString()));
            Assert.Contains(result.HostLines, line => line.StartsWith("What if:"));
        }

        [Theory]
        [MemberData(nameof(ForcedCommands))]
        public void WhatIfPreference_WinsOverForce(string command)
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var result = host.Run("$WhatIfPreference = $true; " + command);

            AssertNothingChanged(heat, result);
        }

        [Theory]
        [MemberData(nameof(ForcedCommands))]
        public void WhatIfOfACallingScript_WinsOverForce(string command)
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var result = host.Run("function Invoke-Runbook { [CmdletBinding(SupportsShouldProcess)] param() " + command + " }; Invoke-Runbook -WhatIf");

            AssertNothingChanged(heat, result);
        }

        [Theory]
        [MemberData(nameof(ForcedCommands))]
        public void BoundWhatIf_WinsOverForce(string command)
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var result = host.Run(command + " -WhatIf");

            AssertNothingChanged(heat, result);
        }

        [Fact]
        public void WhatIfFalse_BoundOverAPreference_Acts()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var result = host.Run("$WhatIfPreference = $true; Remove-HeatStack -StackName web -StackId 1 -Force -WhatIf:$false");

            Assert.Empty(result.Errors);
            Assert.Contains("DELETE stacks/web/1", heat.Log);
        }
    }
}
