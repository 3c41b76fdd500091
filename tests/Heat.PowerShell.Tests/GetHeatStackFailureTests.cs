using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Get-HeatStackFailure and Test-HeatStack -Detailed, in a runspace, against a fake Heat.</summary>
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
        private static FakeHeat Cloud(FakeHeat heat = null) => (heat ?? new FakeHeat())
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
        public void AFailedWait_NamesTheRootCauseByItsPath_AndPointsToGetHeatStackFailure()
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run("Wait-HeatStack app -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Contains("Root cause: app.workers.0.migrate: ValueError: resources.migrate: Test Resource failed migrate", error.Exception.Message);
            Assert.Contains("Get-HeatStackFailure app", error.Exception.Message);
            // Not the nested stacks that failed only because of it, under their physical names.
            Assert.DoesNotContain(Workers, error.Exception.Message);
        }

        [Fact]
        public void AWalkThatTakesAWhile_ShowsTheStacksLookedAt_ThenCompletes()
        {
            // Each stack's failed resources take 1.1 s to list (the first routes set up win): the walk of app, its group
            // and the member takes over 3 s, when progress begins.
            var heat = new FakeHeat();
            foreach (var (stack, id, resource) in new[]
            {
                ("app", AppId, Failed("workers", "OS::Heat::ResourceGroup", "app", AppId, "child failed", Workers, WorkersId)),
                (Workers, WorkersId, Failed("0", "worker.yaml", Workers, WorkersId, "child failed", Member, MemberId)),
                (Member, MemberId, Failed("migrate", "OS::Heat::TestResource", Member, MemberId, "ValueError: resources.migrate: Test Resource failed migrate")),
            })
            {
                heat.On(HttpMethod.Get, $"stacks/{stack}/{id}/resources").Answer(async _ =>
                {
                    await System.Threading.Tasks.Task.Delay(1100);
                    return FakeHeat.JsonResponse(HttpStatusCode.OK, HeatFixtures.List("resources", resource));
                });
            }
            using var host = new PowerShellHost(Cloud(heat));

            var result = host.Run("Get-HeatStackFailure app -Session $session");

            Assert.Empty(result.Errors);
            Assert.Single(result.Objects<HeatStackFailure>());
            var activity = "Looking for the failures in app and its nested stacks";
            Assert.Contains(result.Progress, p => p.Activity == activity && p.RecordType == System.Management.Automation.ProgressRecordType.Processing);
            var last = result.Progress.Last(p => p.Activity == activity);
            Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, last.RecordType);
            Assert.Equal("3 in all", last.StatusDescription);
        }

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

        /// <summary>A stack whose check Heat fails: its template resource's stack has a resource never created.</summary>
        private static FakeHeat CheckedStack()
        {
            const string Tier = "app-tier-h4x2";
            const string TierId = "d3d3d3d3-0000-4000-8000-000000000004";
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("app", AppId, "CHECK_FAILED").With("stack_status_reason", "Resource CHECK failed"))
                .ListsResources("app", AppId, Failed("tier", "tier.yaml", "app", AppId, "Resource CHECK failed", Tier, TierId, "CHECK_FAILED"))
                .ListsResources(Tier, TierId, Failed("later", "leaf.yaml", Tier, TierId, "Can not check later, resource not created yet.", status: "CHECK_FAILED"))
                .ListsResourceEvents(Tier, TierId, "later", HeatFixtures.Event("ev-c", "later", "CHECK_FAILED", Tier, TierId));
            heat.On(HttpMethod.Get, $"stacks/app/{AppId}/events?sort_dir=desc&limit=1")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events", HeatFixtures.Event("e1", "app", "CREATE_COMPLETE", "app", AppId, physicalId: AppId)));
            heat.On(HttpMethod.Get, $"stacks/app/{AppId}/events")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events",
                    HeatFixtures.Event("e2", "app", "CHECK_IN_PROGRESS", "app", AppId, physicalId: AppId),
                    HeatFixtures.Event("e3", "app", "CHECK_FAILED", "app", AppId, physicalId: AppId)));
            heat.On(HttpMethod.Post, $"stacks/app/{AppId}/actions").Status(HttpStatusCode.OK);
            return heat;
        }

        [Fact]
        public void TestHeatStackDetailed_WaitsForTheCheck_ThenWritesTheResourcesThatFailedIt()
        {
            var heat = CheckedStack();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Test-HeatStack app -Detailed -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.TestHeatStack", error.FullyQualifiedErrorId);
            var failed = Assert.Single(result.Objects<HeatStackFailure>());
            Assert.Equal(new[] { "app", "app-tier-h4x2" }, failed.Path);
            Assert.Equal("later", failed.ResourceName);
            Assert.Equal("CHECK_FAILED", failed.ResourceStatus);
            Assert.Equal("Can not check later, resource not created yet.", failed.ResourceStatusReason);
            Assert.Equal("ev-c", failed.FirstFailureEvent.Id);
            Assert.Contains($"GET stacks/app/{AppId}/resources?status=FAILED&action=CHECK", heat.Log);
            Assert.Equal("{\"check\":null}", heat.Sent(HttpMethod.Post).Single().Json.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void TestHeatStack_WithoutDetailed_NeitherWaitsNorWalks()
        {
            var heat = CheckedStack();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Test-HeatStack app -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "GET stacks/app", $"POST stacks/app/{AppId}/actions" }, heat.Log);
        }
    }
}
