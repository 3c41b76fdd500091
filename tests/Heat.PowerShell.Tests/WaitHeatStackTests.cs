using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Wait-HeatStack: every stack given or piped waited for at once, each written as it ended.</summary>
    public class WaitHeatStackTests
    {
        /// <summary>A stack busy with <paramref name="from"/> that ends at <paramref name="to"/>, its own events saying so.</summary>
        private static FakeHeat Busy(FakeHeat heat, string name, string id, string from, string to) => heat
            .WritesStackEvents(name, id, to)
            .ShowsStack(HeatFixtures.StackDetail(name, id, from), HeatFixtures.StackDetail(name, id, to))
            .ListsResources(name, id);

        /// <summary>app creates, db's update fails, done was finished before the wait began.</summary>
        private static FakeHeat Heat()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("app", "1", "CREATE_IN_PROGRESS"),
                HeatFixtures.Stack("db", "2", "UPDATE_IN_PROGRESS"), HeatFixtures.Stack("done", "3"));
            Busy(heat, "app", "1", "CREATE_IN_PROGRESS", "CREATE_COMPLETE");
            Busy(heat, "db", "2", "UPDATE_IN_PROGRESS", "UPDATE_FAILED");
            return heat.ShowsStack(HeatFixtures.StackDetail("done", "3"));
        }

        [Fact]
        public void SeveralPipedStacks_AreEachWrittenAsTheyEnded_AndAFailedOneIsAnError()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Wait-HeatStack -Session $session");

            Assert.Equal(new[] { "app CREATE_COMPLETE", "db UPDATE_FAILED", "done CREATE_COMPLETE" },
                result.Objects<HeatStack>().Select(s => $"{s.StackName} {s.StackStatus}"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.WaitHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("db", error.TargetObject);
            Assert.Contains("UPDATE_FAILED", error.Exception.Message);
            Assert.Contains("Resource UPDATE failed: Error: resources.server: boom", error.Exception.Message);
            // Only the events after each busy stack's newest one are read, never the whole history.
            Assert.Contains("GET stacks/app/1/events?sort_dir=asc&limit=100&marker=app-e0", heat.Log);
            Assert.Contains("GET stacks/db/2/events?sort_dir=asc&limit=100&marker=db-e0", heat.Log);
            Assert.DoesNotContain(heat.Log, l => l.StartsWith("GET stacks/done/3/events", StringComparison.Ordinal));
        }

        [Fact]
        public void TheStacksAreWaitedForAtOnce_NotOneAfterAnother()
        {
            // app's events are answered only once db's have been asked for: waits made one after another would never
            // get there (the bound only ends the test instead of hanging it).
            var dbAsked = new ManualResetEventSlim();
            var heat = new FakeHeat();
            var appAnsweredAfterDb = false;
            heat.On(HttpMethod.Get, "stacks/app/1/events?sort_dir=asc&limit=100&marker=app-e0").Answer(async _ =>
            {
                appAnsweredAfterDb = await Task.Run(() => dbAsked.Wait(TimeSpan.FromSeconds(20)));
                return FakeHeat.JsonResponse(HttpStatusCode.OK, HeatFixtures.List("events",
                    HeatFixtures.Event("app-e1", "app", "CREATE_COMPLETE", "app", "1", physicalId: "1")));
            });
            heat.On(HttpMethod.Get, "stacks/db/2/events?sort_dir=asc&limit=100&marker=db-e0").Answer(_ =>
            {
                dbAsked.Set();
                return FakeHeat.JsonResponse(HttpStatusCode.OK, HeatFixtures.List("events",
                    HeatFixtures.Event("db-e1", "db", "UPDATE_COMPLETE", "db", "2", physicalId: "2")));
            });
            Busy(heat, "app", "1", "CREATE_IN_PROGRESS", "CREATE_COMPLETE");
            Busy(heat, "db", "2", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE");
            using var host = new PowerShellHost(heat);

            var result = host.Run("'app', 'db' | Wait-HeatStack -Session $session");

            Assert.Empty(result.Errors);
            Assert.True(appAnsweredAfterDb, "db was not waited for while app was.");
            Assert.Equal(new[] { "app CREATE_COMPLETE", "db UPDATE_COMPLETE" }, result.Objects<HeatStack>().Select(s => $"{s.StackName} {s.StackStatus}"));
        }

        [Fact]
        public void AStackAlreadyFinished_IsWrittenWithItsOutputs_WithoutReadingEvents()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("done", "3")
                .With("outputs", new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["output_key"] = "url", ["output_value"] = "http://done" })));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Wait-HeatStack done -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("http://done", Assert.Single(result.Objects<HeatStack>()).Outputs["url"]);
            Assert.Equal(new[] { "GET stacks/done", "GET stacks/done/3?resolve_outputs=False", "GET stacks/done/3" }, heat.Log);
        }

        [Fact]
        public void OneStackPipedManyTimes_IsWaitedForOnce()
        {
            var heat = Busy(new FakeHeat(), "app", "1", "CREATE_IN_PROGRESS", "CREATE_COMPLETE");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatEvent app -Session $session | Wait-HeatStack -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("app", Assert.Single(result.Objects<HeatStack>()).StackName);
        }

        [Fact]
        public void AStackStillBusyAtTheTimeout_IsATimeoutError_AndWrittenAsLastSeen()
        {
            var heat = new FakeHeat()
                .WritesStackEvents("app", "1")
                .ShowsStack(HeatFixtures.StackDetail("app", "1", "CREATE_IN_PROGRESS"))
                .ListsResources("app", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Wait-HeatStack app -Timeout 1 -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackTimeout,Heat.PowerShell.Cmdlets.WaitHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("still CREATE_IN_PROGRESS", error.Exception.Message);
            var lastSeen = Assert.Single(result.Objects<HeatStack>());
            Assert.Equal("app CREATE_IN_PROGRESS", $"{lastSeen.StackName} {lastSeen.StackStatus}");
            // Heat goes on with the stack: a wait never changes it.
            Assert.DoesNotContain(heat.Requests, r => r.Method != HttpMethod.Get.Method);
        }

        [Fact]
        public void AMissingStack_IsAnError_AndTheOthersAreWaitedFor()
        {
            var heat = Heat().MissingStack("gone");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Wait-HeatStack gone, app -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.WaitHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal("app CREATE_COMPLETE", result.Objects<HeatStack>().Select(s => $"{s.StackName} {s.StackStatus}").Single());
        }
    }
}
