using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Heat's strings (names, reasons) reach the host cleaned wherever the module shows them: error records (a -Wait
    /// that failed), verbose lines, warnings, progress, confirmations. The objects keep Heat's data as it came.
    /// Views are checked in tests/Pester/Views.Tests.ps1, completions in CompletionTests.
    /// </summary>
    public class TerminalTextTests
    {
        private const string H = TerminalAssert.Hostile;

        [Fact]
        public void AWaitThatFailed_ShowsHeatsReasonCleaned_AndKeepsItInTheException()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("b", "2"))
                .DeletesStack("b", "2")
                .ShowsStack(HeatFixtures.StackDetail("b", "2", "DELETE_FAILED").With("stack_status_reason", H));
            heat.On(HttpMethod.Get, "stacks/b/2/events?sort_dir=desc&limit=1")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events", HeatFixtures.Event("e1", "b", "DELETE_FAILED", "b", "2", physicalId: "2")));
            heat.On(HttpMethod.Get, "stacks/b/2/events").Json(HttpStatusCode.OK, HeatFixtures.List("events",
                HeatFixtures.Event("e2", "b", "DELETE_IN_PROGRESS", "b", "2", physicalId: "2"),
                HeatFixtures.Event("e3", "b", "DELETE_FAILED", "b", "2", physicalId: "2").With("resource_status_reason", H)));
            heat.ListsResources("b", "2", HeatFixtures.Resource(H, "OS::Heat::None", "b", "2")
                .With("resource_status", "DELETE_FAILED").With("resource_status_reason", H));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -Force -Wait -Session $session -ErrorVariable failed; " +
                                  "$failed | Out-String -Width 200");

            var error = Assert.Single(result.Errors);
            Assert.Contains(H, error.Exception.Message);
            TerminalAssert.Clean(error.ErrorDetails?.Message ?? error.Exception.Message, "the error's message");
            Assert.Contains("\u241B]0;pwned\u2407", error.ErrorDetails.Message);
            TerminalAssert.Clean((string)result.Output.Last().BaseObject, "the error as the host renders it");
        }

        [Fact]
        public void VerboseLines_AndWhatIf_NameAStackFromHeatCleaned()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack(H, "1")).ShowsStack(HeatFixtures.StackDetail(H, "1")).DeletesStack(H, "1");
            using var host = new PowerShellHost(heat);

            var whatIf = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -WhatIf -Session $session");
            var removed = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -Force -PassThru -Verbose -Session $session");

            var line = Assert.Single(whatIf.HostLines);
            Assert.StartsWith("What if: ", line);
            TerminalAssert.Clean(line, "the What if line");
            Assert.Contains(removed.Verbose, v => v.Contains("\u241B]0;pwned") && v.Contains("started"));
            Assert.All(removed.Verbose, v => TerminalAssert.Clean(v, "a verbose line"));
            Assert.Equal(H, removed.Objects<HeatStack>().Single().StackName);
        }

        [Fact]
        public void AWarning_CarriesHeatsReasonCleaned()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("app", "1", "CREATE_FAILED"))
                .ShowsStack(HeatFixtures.StackDetail("app", "1", "CREATE_FAILED").With("stack_status_reason", H))
                .ListsResources("app", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackFailure app -Session $session -WarningVariable w; $w");

            var warning = Assert.Single(result.Output.Select(o => o.BaseObject).OfType<WarningRecord>());
            Assert.Contains("\u241B[2J", warning.Message);
            TerminalAssert.Clean(warning.Message, "the warning");
        }

        [Fact]
        public void Progress_NamesAStackFromHeatCleaned()
        {
            // The walk's one listing takes 3.5 s, past the 3 s before progress begins.
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack(H, "1", "CREATE_FAILED"))
                .ShowsStack(HeatFixtures.StackDetail(H, "1", "CREATE_FAILED"));
            heat.On(HttpMethod.Get, $"stacks/{Uri.EscapeDataString(H)}/1/resources").Answer(async _ =>
            {
                await System.Threading.Tasks.Task.Delay(3500);
                return FakeHeat.JsonResponse(HttpStatusCode.OK, HeatFixtures.List("resources"));
            });
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Get-HeatStackFailure -Session $session -WarningAction SilentlyContinue");

            Assert.Contains(result.Progress, p => p.Activity.Contains("\u241B]0;pwned"));
            Assert.All(result.Progress, p =>
            {
                TerminalAssert.Clean(p.Activity, "a progress activity");
                TerminalAssert.Clean(p.StatusDescription, "a progress status");
                TerminalAssert.Clean(p.CurrentOperation, "a progress operation");
            });
        }

        [Fact]
        public void EveryCmdlet_WritesToTheHostThroughTheOneDoor()
        {
            var cmdlets = typeof(AsyncCmdlet).Assembly.GetExportedTypes().Where(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Length > 0).ToList();

            Assert.NotEmpty(cmdlets);
            Assert.All(cmdlets, t => Assert.True(typeof(TerminalSafeCmdlet).IsAssignableFrom(t), $"{t.Name} does not derive from TerminalSafeCmdlet"));
        }
    }
}
