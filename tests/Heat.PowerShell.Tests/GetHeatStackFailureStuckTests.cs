using System;
using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Get-HeatStackFailure on a stack still in progress (issue 20): what holds it, and how it would go on.</summary>
    public class GetHeatStackFailureStuckTests
    {
        private const string AppId = "a0a0a0a0-0000-4000-8000-000000000001";
        private const string Group = "app-group-x3kqlw2ab4cd";
        private const string GroupId = "b1b1b1b1-0000-4000-8000-000000000002";

        private static JObject InProgress(JObject resource, string since) =>
            resource.With("resource_status", "CREATE_IN_PROGRESS").With("resource_status_reason", "state changed").With("updated_time", since);

        /// <summary>
        /// app is CREATE_IN_PROGRESS: wait waits on handle (done), the group waits on its member 0, and db is paused at
        /// the pre-create hook (INIT_COMPLETE: Heat has not started it).
        /// </summary>
        private static FakeHeat Cloud()
        {
            var started = DateTime.UtcNow.AddMinutes(-42).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            return new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("app", AppId, "CREATE_IN_PROGRESS"))
                .ListsResources("app", AppId,
                    InProgress(HeatFixtures.Resource("wait", "OS::Heat::WaitCondition", "app", AppId), started),
                    HeatFixtures.Resource("handle", "OS::Heat::WaitConditionHandle", "app", AppId).With("required_by", new JArray("wait")),
                    InProgress(HeatFixtures.Resource("group", "OS::Heat::ResourceGroup", "app", AppId, Group, GroupId), started),
                    HeatFixtures.Resource("db", "OS::Heat::TestResource", "app", AppId).With("resource_status", "INIT_COMPLETE"))
                .ListsResources(Group, GroupId, InProgress(HeatFixtures.Resource("0", "OS::Heat::TestResource", Group, GroupId), started))
                .ListsEvents("app", AppId,
                    HeatFixtures.Event("e1", "app", "CREATE_IN_PROGRESS", "app", AppId, physicalId: AppId),
                    HeatFixtures.Event("e2", "db", "INIT_COMPLETE", "app", AppId).With("resource_status_reason", "CREATE paused until Hook pre-create is cleared"));
        }

        [Fact]
        public void AStackInProgress_IsExplained_ByTheDeepestResourcesInProgress_AndTheHooksItIsPausedAt()
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run("Get-HeatStackFailure app -Session $session");

            Assert.Empty(result.Errors);
            var holds = result.Objects<HeatStackFailure>().ToList();
            Assert.Equal(new[] { "app.db", "app.group.0", "app.wait" }, holds.Select(h => h.ResourcePath).OrderBy(p => p, StringComparer.Ordinal));
            var member = holds.Single(h => h.ResourceName == "0");
            Assert.Equal("CREATE_IN_PROGRESS", member.ResourceStatus);
            Assert.InRange(member.InProgressFor.Value.TotalMinutes, 41, 45);
            Assert.Null(member.Hint);
        }

        [Fact]
        public void AWaitCondition_NamesItsHandle_AndHowToSignalIt()
        {
            using var host = new PowerShellHost(Cloud());

            var wait = host.Run("Get-HeatStackFailure app -Session $session").Objects<HeatStackFailure>().Single(h => h.ResourceName == "wait");

            Assert.Equal("handle", wait.SignalResource);
            Assert.Contains("Send-HeatResourceSignal -StackName app -ResourceName handle -Data @{ status = 'SUCCESS' }", wait.Hint);
        }

        [Fact]
        public void APausedResource_SaysWhichHook_AndHowToClearIt()
        {
            using var host = new PowerShellHost(Cloud());

            var db = host.Run("Get-HeatStackFailure app -Session $session").Objects<HeatStackFailure>().Single(h => h.ResourceName == "db");

            Assert.Equal("pre-create", db.Hook);
            Assert.Contains("Clear-HeatStackHook -StackName app -ResourceName db", db.Hint);
        }

        [Theory]
        [InlineData("Unauthorized: The request you have made requires authentication. (HTTP 401)", "token ran out")]
        [InlineData("Conflict: resources.net: Unable to complete operation on subnet. One or more ports have an IP allocation from this subnet. (port in use)", "still uses it")]
        [InlineData("OverQuotaClient: resources.server: Quota exceeded for instances: Requested 1, but already used 10 of 10 instances", "quota")]
        [InlineData("ResourceInError: resources.server: Went to status ERROR due to \"Message: No valid host was found. , Code: 500\"", "no host")]
        [InlineData("ValueError: resources.migrate: Test Resource failed migrate", null)]
        public void AFailure_HasAHint_OnlyForTheReasonsItKnows(string reason, string expected)
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("app", AppId, "CREATE_FAILED"))
                .ListsResources("app", AppId, HeatFixtures.Resource("r", "OS::Nova::Server", "app", AppId).With("resource_status", "CREATE_FAILED").With("resource_status_reason", reason))
                .ListsResourceEvents("app", AppId, "r");
            using var host = new PowerShellHost(heat);

            var failure = host.Run("Get-HeatStackFailure app -Session $session").Objects<HeatStackFailure>().Single();

            if (expected == null) Assert.Null(failure.Hint);
            else Assert.Contains(expected, failure.Hint, StringComparison.OrdinalIgnoreCase);
        }
    }
}
