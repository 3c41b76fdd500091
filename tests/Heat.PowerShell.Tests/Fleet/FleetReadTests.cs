using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;
using static Heat.Tests.Shared.HeatFixtures;

namespace Heat.PowerShell.Tests.Fleet
{
    /// <summary>Reads over several clouds (issue 22): every cloud asked at once, each object saying where it came from, a
    /// failing cloud one error while the others' objects come; a cmdlet that changes things takes one cloud.</summary>
    public sealed class FleetReadTests
    {
        private const string EastEndpoint = "http://heat-east.test:8004/v1/" + FakeHeat.ProjectId;
        private const string WestEndpoint = "http://heat-west.test:8004/v1/" + FakeHeat.ProjectId;

        private static PowerShellHost TwoClouds(FakeHeat east, FakeHeat west)
        {
            var host = new PowerShellHost(east);
            host.Runspace.SessionStateProxy.SetVariable("west", west.TokenSession());
            return host;
        }

        [Fact]
        public void StacksOfTwoClouds_ComeTogether_EachSayingWhichCloud()
        {
            var east = new FakeHeat(EastEndpoint).ListsStacks(Stack("web-1", "e1", endpoint: EastEndpoint));
            var west = new FakeHeat(WestEndpoint).ListsStacks(Stack("web-1", "w1", endpoint: WestEndpoint), Stack("web-2", "w2", endpoint: WestEndpoint));
            using var host = TwoClouds(east, west);

            var result = host.Run("Get-HeatStack web-* -Session $session, $west");
            var single = host.Run("Get-HeatStack web-* -Session $west");

            Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e.ErrorDetails?.Message + " / " + e.Exception)));
            var rows = result.Output.Select(o => $"{o.Properties["Cloud"].Value} {((HeatStack)o.BaseObject).Id}").OrderBy(r => r, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[]
            {
                $"{FakeHeat.ProjectId}@{EastEndpoint} e1",
                $"{FakeHeat.ProjectId}@{WestEndpoint} w1",
                $"{FakeHeat.ProjectId}@{WestEndpoint} w2",
            }, rows);
            Assert.All(result.Output, o => Assert.Equal("Heat.Client.Models.HeatStack#Fleet", o.TypeNames[0]));
            Assert.All(single.Output, o => Assert.Null(o.Properties["Cloud"]));
        }

        [Fact]
        public void TheClouds_AreAskedAtOnce_NotOneAfterTheOther()
        {
            // Each cloud answers only once both were asked: asked one after the other, the first would wait in vain.
            var asked = 0;
            var both = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            FakeHeat Cloud(string endpoint, string id)
            {
                var heat = new FakeHeat(endpoint);
                heat.On(HttpMethod.Get, "stacks").Answer(async _ =>
                {
                    if (Interlocked.Increment(ref asked) == 2) both.TrySetResult(true);
                    var together = await Task.WhenAny(both.Task, Task.Delay(TimeSpan.FromSeconds(15))) == both.Task;
                    return together
                        ? FakeHeat.JsonResponse(HttpStatusCode.OK, List("stacks", Stack("web", id, endpoint: endpoint)))
                        : FakeHeat.JsonResponse(HttpStatusCode.BadRequest, Error(HttpStatusCode.BadRequest, "asked alone", "Invalid"));
                });
                return heat;
            }
            using var host = TwoClouds(Cloud(EastEndpoint, "e1"), Cloud(WestEndpoint, "w1"));

            var result = host.Run("Get-HeatStack w* -Session $session, $west");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "e1", "w1" }, result.Objects<HeatStack>().Select(s => s.Id).OrderBy(i => i, StringComparer.Ordinal));
        }

        [Fact]
        public void ACloudThatFails_IsOneErrorNamingIt_AndTheOthersStillAnswer()
        {
            var east = new FakeHeat(EastEndpoint).ListsStacks(Stack("web-1", "e1", endpoint: EastEndpoint));
            var west = new FakeHeat(WestEndpoint);
            west.On(HttpMethod.Get, "stacks").Json(HttpStatusCode.Forbidden, Error(HttpStatusCode.Forbidden, "You are not authorized", "Forbidden"));
            using var host = TwoClouds(east, west);

            var result = host.Run("Get-HeatStack web-* -Session $session, $west");

            Assert.Equal("e1", Assert.Single(result.Objects<HeatStack>()).Id);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith($"[{FakeHeat.ProjectId}@{WestEndpoint}]", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.StartsWith("HeatAccessDenied", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        [Fact]
        public void ACloudWhoseCallsEndInATerminatingError_IsOneErrorNamingIt_AndTheOthersStillAnswer()
        {
            var east = new FakeHeat(EastEndpoint).ListsStacks(Stack("web-1", "e1", endpoint: EastEndpoint));
            var west = new FakeHeat(WestEndpoint).ListsStacks(Stack("web-1", "w1", endpoint: WestEndpoint));
            using var host = TwoClouds(east, west);
            host.Run("$west.Dispose()");

            var result = host.Run("Get-HeatStack web-* -Session $west, $session");

            Assert.Equal("e1", Assert.Single(result.Objects<HeatStack>()).Id);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatSessionClosed", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.StartsWith($"[{FakeHeat.ProjectId}@{WestEndpoint}]", error.ErrorDetails.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ResourcesOfTheSameStackName_InTwoClouds_ComeFromEach()
        {
            var east = new FakeHeat(EastEndpoint).ShowsStack(StackDetail("web", "e1", endpoint: EastEndpoint)).ListsResources("web", "e1", Resource("server", "OS::Heat::None", "web", "e1", endpoint: EastEndpoint));
            var west = new FakeHeat(WestEndpoint).ShowsStack(StackDetail("web", "w1", endpoint: WestEndpoint)).ListsResources("web", "w1", Resource("server", "OS::Heat::None", "web", "w1", endpoint: WestEndpoint), Resource("db", "OS::Heat::None", "web", "w1", endpoint: WestEndpoint));
            using var host = TwoClouds(east, west);

            var result = host.Run("Get-HeatResource web -Session $session, $west");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { $"{FakeHeat.ProjectId}@{EastEndpoint} server", $"{FakeHeat.ProjectId}@{WestEndpoint} db", $"{FakeHeat.ProjectId}@{WestEndpoint} server" },
                result.Output.Select(o => $"{o.Properties["Cloud"].Value} {((HeatResource)o.BaseObject).ResourceName}").OrderBy(r => r.Split(' ')[0], StringComparer.Ordinal).ThenBy(r => r, StringComparer.Ordinal));
        }

        [Fact]
        public void ACmdletThatChangesThings_TakesOneCloud_AndSendsNothing()
        {
            var east = new FakeHeat(EastEndpoint);
            var west = new FakeHeat(WestEndpoint);
            using var host = TwoClouds(east, west);

            var result = host.RunExpectingTermination("Remove-HeatStack web -Force -Session $session, $west");

            Assert.StartsWith("HeatOneCloudOnly", result.Terminating.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Empty(east.Requests);
            Assert.Empty(west.Requests);
        }

        [Fact]
        public void WhatIf_ReachesEveryCloud_BoundOrAsAPreference()
        {
            var east = new FakeHeat(EastEndpoint).ShowsStack(StackDetail("web", "e1", endpoint: EastEndpoint)).AcceptsActions("web", "e1");
            var west = new FakeHeat(WestEndpoint).ShowsStack(StackDetail("web", "w1", endpoint: WestEndpoint)).AcceptsActions("web", "w1");
            using var host = TwoClouds(east, west);

            host.Run("Test-HeatStack web -WhatIf -Session $session, $west");
            host.Run("$WhatIfPreference = $true; Test-HeatStack web -Session $session, $west");

            Assert.Empty(east.Sent(HttpMethod.Post));
            Assert.Empty(west.Sent(HttpMethod.Post));
        }
    }
}
