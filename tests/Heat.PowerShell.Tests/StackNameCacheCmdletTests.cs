using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What the session remembers of stack names, as a script sees it: fewer requests, never another stack.</summary>
    public class StackNameCacheCmdletTests
    {
        private const string OldId = "1b9e6a0c-0d3e-4c1f-9a55-3c1f0e2d4b10";
        private const string NewId = "2c8f7b1d-1e4f-4d20-8b66-4d2a1f3e5c21";

        [Fact]
        public void GetHeatStack_ByNameTwice_LooksTheNameUpOnce()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", OldId));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack web -Session $session; Get-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Objects<HeatStack>().Count(s => s.Id == OldId));
            Assert.Equal(new[] { "GET stacks/web", $"GET stacks/web/{OldId}", $"GET stacks/web/{OldId}" }, heat.Log);
        }

        [Fact]
        public void RemoveHeatStack_ForgetsTheName_SoTheNextReadAsksHeat()
        {
            var heat = new FakeHeat().DeletesStack("web", OldId);
            heat.On(HttpMethod.Get, "stacks/web")
                .Redirect($"{heat.Endpoint}/stacks/web/{OldId}")
                .Redirect($"{heat.Endpoint}/stacks/web/{OldId}")
                .Redirect($"{heat.Endpoint}/stacks/web/{NewId}");
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}")
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId) })
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId) })
                .Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", OldId, "DELETE_COMPLETE") });
            heat.On(HttpMethod.Get, $"stacks/web/{NewId}").Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", NewId) });
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatStack web -Session $session");

            host.Run("Remove-HeatStack web -Force -Session $session");
            var result = host.Run("Get-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(NewId, Assert.Single(result.Objects<HeatStack>()).Id);
            Assert.Equal(new[] { $"DELETE stacks/web/{OldId}", "GET stacks/web", $"GET stacks/web/{NewId}" }, heat.Log.Skip(4));
        }

        [Fact]
        public void GetHeatStack_AfterTheStackWasRecreatedElsewhere_ShowsTheNewStack()
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatStack web -Session $session");

            var result = host.Run("Get-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            var stack = Assert.Single(result.Objects<HeatStack>());
            Assert.Equal(NewId, stack.Id);
            Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        }

        [Fact]
        public void GetHeatStack_ByPipedId_IsReadByThatId()
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatStack web -Session $session");

            var result = host.Run($"[pscustomobject]@{{ StackName = 'web'; StackId = '{OldId}' }} | Get-HeatStack -Session $session");

            Assert.Equal("DELETE_COMPLETE", Assert.Single(result.Objects<HeatStack>()).StackStatus);
            Assert.Equal($"GET stacks/web/{OldId}", heat.Log.Last());
        }

        // ---- reads below a stack (resources, events): the remembered id, checked by a lookup sent at the same time ----

        [Fact]
        public void GetHeatResource_ByNameTwice_ReadsTheRememberedIdWhileHeatLooksTheNameUp()
        {
            // The second lookup and the second read each wait (up to 5 s) for the other to arrive: both get through at
            // once only when they are in flight together. Sent one after the other, one of them waits in vain.
            var heat = new FakeHeat();
            int lookups = 0, reads = 0;
            var secondLookup = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var secondRead = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            bool lookupSawTheRead = false, readSawTheLookup = false;
            heat.On(HttpMethod.Get, "stacks/web").Answer(async _ =>
            {
                if (Interlocked.Increment(ref lookups) == 2)
                {
                    secondLookup.TrySetResult(true);
                    lookupSawTheRead = await Task.WhenAny(secondRead.Task, Task.Delay(5000)) == secondRead.Task;
                }
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new Uri($"{heat.Endpoint}/stacks/web/{OldId}");
                return redirect;
            });
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}/resources").Answer(async _ =>
            {
                if (Interlocked.Increment(ref reads) == 2)
                {
                    secondRead.TrySetResult(true);
                    readSawTheLookup = await Task.WhenAny(secondLookup.Task, Task.Delay(5000)) == secondLookup.Task;
                }
                return FakeHeat.JsonResponse(HttpStatusCode.OK, HeatFixtures.List("resources", HeatFixtures.Resource("rand", "OS::Heat::RandomString", "web", OldId)));
            });
            using var host = new PowerShellHost(heat);
            var first = host.Run("Get-HeatResource web -Session $session");

            var second = host.Run("Get-HeatResource web -Session $session");

            Assert.Empty(first.Errors);
            Assert.Empty(second.Errors);
            Assert.Equal("rand", Assert.Single(second.Objects<HeatResource>()).ResourceName);
            Assert.Equal(new[] { "GET stacks/web", $"GET stacks/web/{OldId}/resources" }, heat.Log.Take(2));
            Assert.Equal(new[] { "GET stacks/web", $"GET stacks/web/{OldId}/resources" }, heat.Log.Skip(2).OrderBy(l => l.Length));
            Assert.True(lookupSawTheRead && readSawTheLookup, "the read at the remembered id and the lookup of the name were not in flight together");
        }

        [Fact]
        public void GetHeatResource_AfterTheStackWasRecreatedElsewhere_ListsTheNewStacksResources()
        {
            // Heat answers the deleted stack's id with its old resources: only the lookup can tell.
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}/resources").Json(HttpStatusCode.OK,
                HeatFixtures.List("resources", HeatFixtures.Resource("old-server", "OS::Nova::Server", "web", OldId)));
            heat.On(HttpMethod.Get, $"stacks/web/{NewId}/resources").Json(HttpStatusCode.OK,
                HeatFixtures.List("resources", HeatFixtures.Resource("new-server", "OS::Nova::Server", "web", NewId)));
            using var host = new PowerShellHost(heat);
            Assert.Equal("old-server", Assert.Single(host.Run("Get-HeatResource web -Session $session").Objects<HeatResource>()).ResourceName);

            var result = host.Run("Get-HeatResource web -Session $session");

            Assert.Empty(result.Errors);
            var resource = Assert.Single(result.Objects<HeatResource>());
            Assert.Equal("new-server", resource.ResourceName);
            Assert.Equal(NewId, resource.StackId);
            Assert.Equal($"GET stacks/web/{NewId}/resources", heat.Log.Last());
        }

        [Fact]
        public void GetHeatEvent_AfterTheStackWasRecreatedElsewhere_ListsTheNewStacksEvents()
        {
            var heat = new FakeHeat().RecreatesStack("web", OldId, NewId);
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}/events").Json(HttpStatusCode.OK,
                HeatFixtures.List("events", HeatFixtures.Event("e-old", "web", "DELETE_COMPLETE", "web", OldId)));
            heat.On(HttpMethod.Get, $"stacks/web/{NewId}/events").Json(HttpStatusCode.OK,
                HeatFixtures.List("events", HeatFixtures.Event("e-new", "web", "CREATE_COMPLETE", "web", NewId)));
            using var host = new PowerShellHost(heat);
            Assert.Equal("e-old", Assert.Single(host.Run("Get-HeatEvent web -Session $session").Objects<HeatEvent>()).Id);

            var result = host.Run("Get-HeatEvent web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("e-new", Assert.Single(result.Objects<HeatEvent>()).Id);
        }

        [Fact]
        public void GetHeatResource_AfterTheStackWasDeletedElsewhere_IsNotFound_ThoughTheOldIdStillAnswers()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web")
                .Redirect($"{heat.Endpoint}/stacks/web/{OldId}")
                .Error(HttpStatusCode.NotFound, "The Stack (web) could not be found.", "EntityNotFound");
            heat.On(HttpMethod.Get, $"stacks/web/{OldId}/resources").Json(HttpStatusCode.OK,
                HeatFixtures.List("resources", HeatFixtures.Resource("old-server", "OS::Nova::Server", "web", OldId)));
            using var host = new PowerShellHost(heat);
            host.Run("Get-HeatResource web -Session $session");

            var result = host.Run("Get-HeatResource web -Session $session");

            Assert.Empty(result.Objects<HeatResource>());
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatResourceNotFound,Heat.PowerShell.Cmdlets.GetHeatResource", error.FullyQualifiedErrorId);
            Assert.Contains("The Stack (web) could not be found", error.Exception.Message);
        }

        [Fact]
        public void GetHeatEvent_ByName_LooksTheStackUpOnce_NotOncePerPage()
        {
            // Three pages of Heat's 100 (heatclient goes through the name's redirect for each).
            var events = Enumerable.Range(0, 250).Select(i => HeatFixtures.Event($"e{i:000}", "web", "CREATE_COMPLETE", "web", OldId)).ToArray();
            var heat = new FakeHeat().ListsEvents("web", OldId, events);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatEvent web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(250, result.Objects<HeatEvent>().Count());
            Assert.Equal(3, heat.Log.Count(l => l.StartsWith($"GET stacks/web/{OldId}/events")));
            Assert.Single(heat.Log, l => l == "GET stacks/web");
            Assert.DoesNotContain(heat.Log, l => l.StartsWith("GET stacks/web/events"));
        }
    }
}
