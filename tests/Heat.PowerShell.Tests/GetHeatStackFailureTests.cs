using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Get-HeatStackFailure in a runspace, against a fake Heat.</summary>
    public class GetHeatStackFailureTests
    {
        private const string AppId = "a0a0a0a0-0000-4000-8000-000000000001";
        private const string Workers = "app-workers-x3kqlw2ab4cd";
        private const string WorkersId = "b1b1b1b1-0000-4000-8000-000000000002";
        private const string Member = "app-workers-x3kqlw2ab4cd-0-p2ztmn5ef6gh";
        private const string MemberId = "c2c2c2c2-0000-4000-8000-000000000003";

        private static JObject Failed(string name, string type, string stack, string stackId, string reason,
            string nestedName = null, string nestedId = null, string status = "CREATE_FAILED") =>
            HeatFixtures.Resource(name, type, stack, stackId, nestedName, nestedId)
                .With("resource_status", status)
                .With("resource_status_reason", reason);

        /// <summary>app failed because its group did, because member 0 did, because its TestResource migrate did; web is fine.</summary>
        private static FakeHeat Cloud() => new FakeHeat()
            .ListsStacks(HeatFixtures.Stack("app", AppId, "CREATE_FAILED"), HeatFixtures.Stack("web", "w1"))
            .ShowsStack(HeatFixtures.StackDetail("web", "w1"))
            .ShowsStack(HeatFixtures.StackDetail("app", AppId, "CREATE_FAILED"))
            .ListsResources("app", AppId, Failed("workers", "OS::Heat::ResourceGroup", "app", AppId, "child failed", Workers, WorkersId))
            .ListsResources(Workers, WorkersId, Failed("0", "worker.yaml", Workers, WorkersId, "child failed", Member, MemberId))
            .ListsResources(Member, MemberId, Failed("migrate", "OS::Heat::TestResource", Member, MemberId, "ValueError: resources.migrate: Test Resource failed migrate"))
            .ListsResources("web", "w1")
            .ListsResourceEvents(Member, MemberId, "migrate", HeatFixtures.Event("ev-9", "migrate", "CREATE_FAILED", Member, MemberId))
            .ShowsResource(Member, MemberId, Failed("migrate", "OS::Heat::TestResource", Member, MemberId, "ValueError: resources.migrate: Test Resource failed migrate"));

        [Fact]
        public void FailedStacksFromThePipeline_GiveOneObjectPerRootCause()
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run("Get-HeatStack -Session $session | Get-HeatStackFailure -Session $session -Verbose");

            Assert.Empty(result.Errors);
            var failure = Assert.Single(result.Objects<HeatStackFailure>());
            Assert.Equal(new[] { "app", Workers, Member }, failure.Path);
            Assert.Equal("app.workers.0.migrate", failure.ResourcePath);
            Assert.Equal("migrate", failure.ResourceName);
            Assert.Equal("OS::Heat::TestResource", failure.ResourceType);
            Assert.Equal("phys-migrate", failure.PhysicalResourceId);
            Assert.Equal("ValueError: resources.migrate: Test Resource failed migrate", failure.ResourceStatusReason);
            Assert.Equal("ev-9", failure.FirstFailureEvent.Id);
            // web is healthy: nothing written for it, and the verbose stream says so.
            Assert.Contains(result.Verbose, v => v == "Stack web (w1) is CREATE_COMPLETE: none of its resources failed.");
        }

        [Fact]
        public void Failure_PipesIntoGetHeatResource_AsTheNestedResource()
        {
            var heat = Cloud();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackFailure app -Session $session | Get-HeatResource -Session $session");

            Assert.Empty(result.Errors);
            var resource = Assert.Single(result.Objects<HeatResource>());
            Assert.Equal(("migrate", Member), (resource.ResourceName, resource.StackName));
            Assert.Contains($"GET stacks/{Member}/{MemberId}/resources/migrate", heat.Log);
        }

        [Fact]
        public void FailedStackWithoutAFailedResource_IsAWarning_NotSilence()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("app", AppId, "CREATE_FAILED").With("stack_status_reason", "Timed out"))
                .ListsResources("app", AppId);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackFailure app -Session $session");

            Assert.Empty(result.Output);
            Assert.Contains($"WARNING: Stack app ({AppId}) is CREATE_FAILED, but none of its resources failed: Timed out", result.HostLines);
        }

        [Fact]
        public void MissingStack_IsANonTerminatingError_AndTheNextStackIsStillWalked()
        {
            var heat = Cloud().MissingStack("gone");
            using var host = new PowerShellHost(heat);

            var result = host.Run("'gone', 'app' | Get-HeatStackFailure -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStackFailure", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal("migrate", Assert.Single(result.Objects<HeatStackFailure>()).ResourceName);
        }
    }
}
