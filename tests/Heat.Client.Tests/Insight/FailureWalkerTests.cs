using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Insight
{
    /// <summary>
    /// The failure walk against a fake Heat shaped like the lab's failing app: app → its ResourceGroup's stack →
    /// member 0's stack, where a TestResource failed.
    /// </summary>
    public class FailureWalkerTests
    {
        private const string AppId = "a0a0a0a0-0000-4000-8000-000000000001";
        private const string Workers = "app-workers-x3kqlw2ab4cd";
        private const string WorkersId = "b1b1b1b1-0000-4000-8000-000000000002";
        private const string Member = "app-workers-x3kqlw2ab4cd-0-p2ztmn5ef6gh";
        private const string MemberId = "c2c2c2c2-0000-4000-8000-000000000003";
        private const string LeafReason = "ValueError: resources.migrate: Test Resource failed migrate";

        private static JObject Failed(string name, string type, string stack, string stackId, string reason,
            string nestedName = null, string nestedId = null, string status = "CREATE_FAILED") =>
            HeatFixtures.Resource(name, type, stack, stackId, nestedName, nestedId)
                .With("resource_status", status)
                .With("resource_status_reason", reason);

        /// <summary>Heat's answer at each level of the failing app: each parent failed because its child did.</summary>
        private static FakeHeat FailingApp()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("app", AppId, "CREATE_FAILED"))
                .ListsResources("app", AppId, Failed("workers", "OS::Heat::ResourceGroup", "app", AppId,
                    "Resource CREATE failed: ValueError: resources.workers.resources[0].resources.migrate: Test Resource failed migrate", Workers, WorkersId))
                .ListsResources(Workers, WorkersId, Failed("0", "file:///srv/app/worker.yaml", Workers, WorkersId,
                    "ValueError: resources[0].resources.migrate: Test Resource failed migrate", Member, MemberId))
                .ListsResources(Member, MemberId, Failed("migrate", "OS::Heat::TestResource", Member, MemberId, LeafReason).With("physical_resource_id", ""))
                .ListsResourceEvents(Member, MemberId, "migrate",
                    HeatFixtures.Event("ev-9", "migrate", "CREATE_FAILED", Member, MemberId).With("resource_status_reason", LeafReason));
            return heat;
        }

        private static Task<System.Collections.Generic.IReadOnlyList<Models.HeatStackFailure>> Find(FakeHeat heat, StackRef stack,
            FailureWalkOptions options = null, CancellationToken token = default) =>
            new FailureWalker(heat.Client()).FindAsync(stack, options, token);

        [Fact]
        public async Task ThreeLevelsDown_GivesOnlyTheLeaf_WithItsPathAndFirstFailureEvent()
        {
            var heat = FailingApp();

            var failures = await Find(heat, StackRef.FromNameOrId("app"));

            var failure = Assert.Single(failures);
            Assert.Equal(new[] { "app", Workers, Member }, failure.Path);
            Assert.Equal("app.workers.0.migrate", failure.ResourcePath);
            Assert.Equal(("app", AppId), (failure.RootStackName, failure.RootStackId));
            Assert.Equal((Member, MemberId), (failure.StackName, failure.StackId));
            Assert.Equal("migrate", failure.ResourceName);
            Assert.Equal("OS::Heat::TestResource", failure.ResourceType);
            Assert.Equal("", failure.PhysicalResourceId);
            Assert.Equal("CREATE_FAILED", failure.ResourceStatus);
            Assert.Equal(LeafReason, failure.ResourceStatusReason);
            Assert.Equal("ev-9", failure.FirstFailureEvent.Id);
            Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 1, DateTimeKind.Utc), failure.FirstFailureTime);
            Assert.False(failure.IsDeployment);
            Assert.Null(failure.DeployStatusCode);
            // One lookup, each stack's failed resources once (name and id known from the nested links), one event query.
            Assert.Equal(new[]
            {
                "GET stacks/app",
                $"GET stacks/app/{AppId}/resources?status=FAILED",
                $"GET stacks/{Workers}/{WorkersId}/resources?status=FAILED",
                $"GET stacks/{Member}/{MemberId}/resources?status=FAILED",
                $"GET stacks/{Member}/{MemberId}/resources/migrate/events?resource_status=FAILED&resource_action=CREATE&sort_dir=asc&limit=1",
            }, heat.Log);
        }

        [Fact]
        public async Task FailedNestedResource_IsTheRootCause_WhenItsStackShowsNoFailure_OrIsGone()
        {
            const string GoneId = "d3d3d3d3-0000-4000-8000-000000000004";
            var heat = new FakeHeat()
                .ListsResources("app", AppId,
                    Failed("workers", "OS::Heat::ResourceGroup", "app", AppId, "CREATE aborted (Task create from ResourceGroup \"workers\" Stack \"app\" Timed out)", Workers, WorkersId),
                    Failed("db", "db.yaml", "app", AppId, "Resource CREATE failed: StackValidationFailed: boom", "app-db-q1", GoneId))
                .ListsResources(Workers, WorkersId)
                .ListsResourceEvents("app", AppId, "workers")
                .ListsResourceEvents("app", AppId, "db");
            heat.On(HttpMethod.Get, $"stacks/app-db-q1/{GoneId}/resources").Error(HttpStatusCode.NotFound, "The Stack (app-db-q1) could not be found.", "EntityNotFound");

            var failures = await Find(heat, new StackRef("app", AppId));

            Assert.Equal(new[] { "app.workers", "app.db" }, failures.Select(f => f.ResourcePath));
            Assert.Equal(new[] { "app" }, failures[1].Path);
            Assert.StartsWith("CREATE aborted", failures[0].ResourceStatusReason);
            Assert.Null(failures[0].FirstFailureEvent);
        }

        [Fact]
        public async Task SoftwareDeployment_CarriesItsScriptOutput_OtherResourcesAreNotReadAgain()
        {
            var deployment = Failed("configure", "OS::Heat::SoftwareDeployment", "app", AppId,
                "Error: resources.configure: Deployment to server failed: deploy_status_code : Deployment exited with non-zero status code: 2");
            var heat = new FakeHeat()
                .ListsResources("app", AppId, deployment, Failed("flag", "OS::Heat::TestResource", "app", AppId, "boom"))
                .ShowsResource("app", AppId, ((JObject)deployment.DeepClone()).With("attributes", new JObject
                {
                    ["deploy_stdout"] = "installing nginx\n",
                    ["deploy_stderr"] = "E: Unable to locate package nginx-full\n",
                    ["deploy_status_code"] = 2,
                }))
                .ListsResourceEvents("app", AppId, "configure")
                .ListsResourceEvents("app", AppId, "flag");

            var failures = await Find(heat, new StackRef("app", AppId));

            var configure = failures.Single(f => f.ResourceName == "configure");
            Assert.True(configure.IsDeployment);
            Assert.Equal(2, configure.DeployStatusCode);
            Assert.Equal("E: Unable to locate package nginx-full\n", configure.DeployStderr);
            Assert.Equal("installing nginx\n", configure.DeployStdout);
            var flag = failures.Single(f => f.ResourceName == "flag");
            Assert.False(flag.IsDeployment);
            Assert.Null(flag.DeployStderr);
            Assert.Equal(new[] { $"GET stacks/app/{AppId}/resources/configure" }, heat.Log.Where(l => l.EndsWith("/configure") || l.EndsWith("/flag")));
        }

        [Fact]
        public async Task StackReachedTwice_IsListedOnce_AndACycleEnds()
        {
            // Heat never answers like this; a broken proxy or cache could, and the walk must still end and report once.
            var heat = new FakeHeat()
                .ListsResources("app", AppId,
                    Failed("left", "shared.yaml", "app", AppId, "child failed", Workers, WorkersId),
                    Failed("right", "shared.yaml", "app", AppId, "child failed", Workers, WorkersId))
                .ListsResources(Workers, WorkersId,
                    Failed("back", "app.yaml", Workers, WorkersId, "parent failed", "app", AppId),
                    Failed("leaf", "OS::Heat::TestResource", Workers, WorkersId, LeafReason))
                .ListsResourceEvents(Workers, WorkersId, "leaf");

            var failures = await Find(heat, new StackRef("app", AppId));

            var failure = Assert.Single(failures);
            Assert.Equal("app.left.leaf", failure.ResourcePath);
            Assert.Equal(1, heat.Log.Count(l => l.StartsWith($"GET stacks/app/{AppId}/resources?")));
            Assert.Equal(1, heat.Log.Count(l => l.StartsWith($"GET stacks/{Workers}/{WorkersId}/resources?")));
        }

        [Fact]
        public async Task HealthyStack_GivesNothing_AfterOneRequest()
        {
            var heat = new FakeHeat().ListsResources("app", AppId);

            var failures = await Find(heat, new StackRef("app", AppId));

            Assert.Empty(failures);
            Assert.Equal(new[] { $"GET stacks/app/{AppId}/resources?status=FAILED" }, heat.Log);
        }

        [Fact]
        public async Task DepthBound_StopsTheWalk_AndReportsTheDeepestResourceReached()
        {
            var heat = FailingApp();
            heat.ListsResourceEvents(Workers, WorkersId, "0");

            var failures = await Find(heat, new StackRef("app", AppId), new FailureWalkOptions { MaxDepth = 1 });

            Assert.Equal("app.workers.0", Assert.Single(failures).ResourcePath);
            Assert.DoesNotContain(heat.Log, l => l.Contains(MemberId));
        }

        [Fact]
        public async Task CheckAction_AsksForResourcesThatFailedTheCheck_AndTheirCheckEvent()
        {
            var heat = new FakeHeat()
                .ListsResources("app", AppId, Failed("later", "leaf.yaml", "app", AppId, "Can not check later, resource not created yet.", status: "CHECK_FAILED"))
                .ListsResourceEvents("app", AppId, "later", HeatFixtures.Event("ev-c", "later", "CHECK_FAILED", "app", AppId));

            var failures = await Find(heat, new StackRef("app", AppId), new FailureWalkOptions { Action = "CHECK" });

            Assert.Equal("CHECK_FAILED", Assert.Single(failures).FirstFailureEvent.ResourceStatus);
            Assert.Equal(new[]
            {
                $"GET stacks/app/{AppId}/resources?status=FAILED&action=CHECK",
                $"GET stacks/app/{AppId}/resources/later/events?resource_status=FAILED&resource_action=CHECK&sort_dir=asc&limit=1",
            }, heat.Log);
        }

        [Fact]
        public async Task FirstFailureEvent_IsNull_WhenHeatAnswersWithAnEventThatDidNotFail()
        {
            // A server that ignores the filter: its oldest event is not a failure, and must not be shown as one.
            var heat = new FakeHeat()
                .ListsResources("app", AppId, Failed("flag", "OS::Heat::TestResource", "app", AppId, "boom"))
                .ListsResourceEvents("app", AppId, "flag", HeatFixtures.Event("ev-1", "flag", "CREATE_IN_PROGRESS", "app", AppId));

            var failures = await Find(heat, new StackRef("app", AppId));

            Assert.Null(Assert.Single(failures).FirstFailureEvent);
        }

        [Fact]
        public async Task WideGroup_IsWalkedAFewRequestsAtATime_AndReportedInHeatsOrder()
        {
            const int members = 8;
            int inFlight = 0, most = 0;
            var random = new Random(7);
            var heat = new FakeHeat();
            heat.ListsResources("app", AppId, Failed("workers", "OS::Heat::ResourceGroup", "app", AppId, "child failed", Workers, WorkersId));
            heat.ListsResources(Workers, WorkersId, Enumerable.Range(0, members)
                .Select(i => Failed(i.ToString(), "worker.yaml", Workers, WorkersId, "child failed", $"m-{i}", $"id-{i}")).ToArray());
            for (int i = 0; i < members; i++)
            {
                var body = HeatFixtures.List("resources", Failed("migrate", "OS::Heat::TestResource", $"m-{i}", $"id-{i}", LeafReason));
                var delay = random.Next(5, 60);
                heat.On(HttpMethod.Get, $"stacks/m-{i}/id-{i}/resources").Answer(async _ =>
                {
                    var now = Interlocked.Increment(ref inFlight);
                    lock (heat) most = Math.Max(most, now);
                    await Task.Delay(delay);
                    Interlocked.Decrement(ref inFlight);
                    return FakeHeat.JsonResponse(HttpStatusCode.OK, body);
                });
                heat.ListsResourceEvents($"m-{i}", $"id-{i}", "migrate");
            }

            var failures = await Find(heat, new StackRef("app", AppId), new FailureWalkOptions { MaxConcurrentRequests = 3 });

            Assert.Equal(Enumerable.Range(0, members).Select(i => $"app.workers.{i}.migrate"), failures.Select(f => f.ResourcePath));
            Assert.InRange(most, 2, 3);
        }

        [Fact]
        public async Task Cancelling_StopsARequestInFlight()
        {
            using var started = new SemaphoreSlim(0);
            var heat = new FakeHeat()
                .ListsResources("app", AppId, Failed("workers", "OS::Heat::ResourceGroup", "app", AppId, "child failed", Workers, WorkersId));
            heat.On(HttpMethod.Get, $"stacks/{Workers}/{WorkersId}/resources").Hang(() => started.Release());
            using var cancel = new CancellationTokenSource();

            var walk = Find(heat, new StackRef("app", AppId), token: cancel.Token);
            Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => walk);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }
    }
}
