using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class RemoveHeatStackTests
    {
        [Fact]
        public void OneMissingInThePipeline_GivesOneError_AndTheRestAreDeleted()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("a", "1")).MissingStack("missing").ShowsStack(HeatFixtures.StackDetail("b", "2"))
                .DeletesStack("a", "1").DeletesStack("b", "2");
            using var host = new PowerShellHost(heat);

            var result = host.Run("'a', 'missing', 'b' | Remove-HeatStack -Force -Session $session");

            Assert.Empty(result.Output);
            // Deletions run concurrently: the order they reach Heat in is not the pipeline's.
            Assert.Equal(new[] { "DELETE stacks/a/1", "DELETE stacks/b/2" }, heat.Log.Where(l => l.StartsWith("DELETE")).OrderBy(l => l));
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("missing", error.TargetObject);
        }

        [Fact]
        public void PipedStacks_AreDeletedByIdWithoutALookup()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("ci-1", "1"), HeatFixtures.Stack("ci-2", "2"), HeatFixtures.Stack("keep", "3"))
                .DeletesStack("ci-1", "1").DeletesStack("ci-2", "2").DeletesStack("keep", "3");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack ci-* -Session $session | Remove-HeatStack -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "ci-1", "ci-2" }, result.Objects<HeatStack>().Select(s => s.StackName));
            Assert.All(result.Objects<HeatStack>(), s => Assert.Equal("DELETE_IN_PROGRESS", s.StackStatus));
            // The deletions run concurrently: they may reach Heat in either order, and need no lookup.
            Assert.Equal("GET stacks?limit=100", heat.Log.First());
            Assert.Equal(new[] { "DELETE stacks/ci-1/1", "DELETE stacks/ci-2/2" }, heat.Log.Skip(1).OrderBy(l => l));
        }

        [Fact]
        public void WhatIf_DeletesNothing_EvenWithForce()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("ci-1", "1"), HeatFixtures.Stack("ci-2", "2")).DeletesStack("ci-1", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -WhatIf -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[]
            {
                "What if: Performing the operation \"Remove Heat stack\" on target \"ci-1 (1)\".",
                "What if: Performing the operation \"Remove Heat stack\" on target \"ci-2 (2)\".",
            }, result.HostLines);
            Assert.Equal(new[] { "GET stacks?limit=100" }, heat.Log);
        }

        [Fact]
        public void WhatIf_ByName_NamesTheStackAsGiven_AndLooksNothingUp()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).DeletesStack("web", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStack web -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "What if: Performing the operation \"Remove Heat stack\" on target \"web\"." }, result.HostLines);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndNoKeepsTheStack()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).DeletesStack("web", "1");
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run("Remove-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            var prompt = Assert.Single(host.Host.Prompts);
            Assert.Contains("Performing the operation \"Remove Heat stack\" on target \"web\".", prompt);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndYesDeletes()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).DeletesStack("web", "1");
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("Yes");

            var result = host.Run("Remove-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Single(host.Host.Prompts);
            Assert.Equal(new[] { "GET stacks/web", "DELETE stacks/web/1" }, heat.Log);
        }

        [Fact]
        public void Wait_WaitsForEveryStack_AndReportsOneThatFailed()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("a", "1"), HeatFixtures.Stack("b", "2"))
                .DeletesStack("a", "1").DeletesStack("b", "2")
                .MissingStack("a", "1")
                .ShowsStack(HeatFixtures.StackDetail("b", "2", "DELETE_FAILED").With("stack_status_reason", "Resource DELETE failed: boom"));
            // b failed to delete before; the wait must not take that old failure for the new attempt's result, but the
            // new attempt's own DELETE_FAILED event after the marker.
            heat.On(HttpMethod.Get, "stacks/b/2/events?sort_dir=desc&limit=1")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events", HeatFixtures.Event("e1", "b", "DELETE_FAILED", "b", "2", physicalId: "2")));
            heat.On(HttpMethod.Get, "stacks/b/2/events")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events",
                    HeatFixtures.Event("e2", "b", "DELETE_IN_PROGRESS", "b", "2", physicalId: "2"),
                    HeatFixtures.Event("e3", "b", "DELETE_FAILED", "b", "2", physicalId: "2")));
            heat.ListsResources("b", "2");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -Force -Wait -PassThru -Session $session");

            Assert.Equal("a", result.Objects<HeatStack>().Single().StackName);
            Assert.Equal("DELETE_COMPLETE", result.Objects<HeatStack>().Single().StackStatus);
            // The status and its reason go together: not DELETE_COMPLETE with the reason of an earlier state.
            Assert.Equal("Heat no longer has this stack.", result.Objects<HeatStack>().Single().StackStatusReason);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("DELETE_FAILED", error.Exception.Message);
            Assert.Contains("boom", error.Exception.Message);
            Assert.Contains("GET stacks/b/2/events?sort_dir=asc&limit=100&marker=e1", heat.Log);
        }
    }
}
