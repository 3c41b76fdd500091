using System;
using System.IO;
using System.Linq;
using Heat.Client.Fleet;
using Xunit;

namespace Heat.PowerShell.Tests.Fleet
{
    /// <summary>Set-HeatStackSet's scheduling (issue 22), with targets whose clouds cannot be reached: a failing target
    /// fails alone, -FailureTolerance stops new ones, a failed canary holds the rest back, a bad file names its fault.
    /// What converging does on a real Heat is LabStackSet.Tests.ps1's.</summary>
    public sealed class StackSetTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("heat-stackset-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private PowerShellHost Host()
        {
            File.WriteAllText(Path.Combine(_folder, "clouds.yaml"),
                "clouds:\n  down:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n      username: demo\n      password: x\n      project_name: demo\n");
            File.WriteAllText(Path.Combine(_folder, "app.yaml"), "heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::None}\n");
            var host = new PowerShellHost(null);
            host.Run($"Set-Location -LiteralPath '{_folder}'");
            return host;
        }

        private string Set(string targets)
        {
            var path = Path.Combine(_folder, "set.yaml");
            File.WriteAllText(path, "name: web\ntemplate: app.yaml\ntargets:\n" + targets);
            return path;
        }

        private static string[] Rows(PowerShellHost.Result result) =>
            result.Objects<HeatStackSetTargetResult>().Select(r => $"{r.Target} {r.Cloud} {r.StackName} {r.Action}").ToArray();

        [Fact]
        public void ATargetThatFails_FailsAlone_AndEveryOtherIsTried()
        {
            using var host = Host();
            var set = Set("  - cloud: down\n  - cloud: nope\n  - cloud: down\n    stack_name: web2\n");

            var result = host.Run($"Set-HeatStackSet '{set}' -Force");

            Assert.Equal(new[] { "1 down web Failed", "2 nope web Failed", "3 down web2 Failed" }, Rows(result).OrderBy(r => r, StringComparer.Ordinal));
            Assert.Contains("cloud 'nope'", result.Objects<HeatStackSetTargetResult>().Single(r => r.Cloud == "nope").Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void FailureTolerance_StopsNewTargets_AndTheRestAreSkippedWithTheReason()
        {
            using var host = Host();
            var set = Set("  - cloud: down\n  - cloud: down\n    stack_name: web2\n  - cloud: down\n    stack_name: web3\n");

            var result = host.Run($"Set-HeatStackSet '{set}' -FailureTolerance 0 -MaxConcurrent 1 -Force");

            Assert.Equal(new[] { "1 down web Failed", "2 down web2 Skipped", "3 down web3 Skipped" }, Rows(result));
            Assert.Contains("-FailureTolerance 0", result.Objects<HeatStackSetTargetResult>().Last().Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void AFailedCanary_HoldsTheOtherTargetsBack()
        {
            using var host = Host();
            var set = Set("  - cloud: down\n  - cloud: down\n    stack_name: web2\n");

            var result = host.Run($"Set-HeatStackSet '{set}' -Canary 1 -Force");

            Assert.Equal(new[] { "1 down web Failed", "2 down web2 Skipped" }, Rows(result));
            Assert.Contains("canary", result.Objects<HeatStackSetTargetResult>().Last().Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void GetAndRemove_OfAnUnreachableCloud_SayItOfThatTarget_AndRemoveNothing()
        {
            using var host = Host();
            var set = Set("  - cloud: down\n");

            var members = host.Run($"Get-HeatStackSet '{set}'");
            var removed = host.Run($"Remove-HeatStackSet '{set}' -Force");

            var member = Assert.Single(members.Objects<HeatStackSetMember>());
            Assert.Equal("Unreachable", member.State);
            Assert.Contains("cloud 'down'", member.Reason, StringComparison.Ordinal);
            Assert.Equal(new[] { "1 down web Skipped" }, Rows(removed));
        }

        [Fact]
        public void CompareOfAnUnreachableCloud_IsAnErrorNamingTheTarget()
        {
            using var host = Host();
            var set = Set("  - cloud: down\n");

            var result = host.Run($"Compare-HeatStackSet '{set}'");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackSetInvalid", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("target 1 (web in down)", error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ABadDefinition_IsAnErrorAtItsLine_AndNothingIsTried()
        {
            using var host = Host();
            var set = Set("  - cloud: down\n    regoin: x\n");

            var result = host.Run($"Set-HeatStackSet '{set}' -Force");

            Assert.Empty(result.Objects<HeatStackSetTargetResult>());
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackSetInvalid", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("line 5", error.Exception.Message, StringComparison.Ordinal);
        }
    }
}
