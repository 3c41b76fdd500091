using System;
using System.Linq;
using System.Net.Http;
using System.Management.Automation;
using System.Net;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class GetHeatStackTests
    {
        private static Newtonsoft.Json.Linq.JObject Stack(string name, string id, string status = "CREATE_COMPLETE") => HeatFixtures.Stack(name, id, status);

        [Fact]
        public void AListing_LeavesOutStacksHeatStillListsAsDeleted_UnlessShowDeleted()
        {
            var heat = new FakeHeat().ListsStacks(Stack("ci-1", "1", "DELETE_COMPLETE"), Stack("ci-2", "2"));
            using var host = new PowerShellHost(heat);

            var listed = host.Run("Get-HeatStack ci-* -Session $session").Objects<HeatStack>().Select(s => s.StackName);
            var all = host.Run("Get-HeatStack ci-* -ShowDeleted -Session $session").Objects<HeatStack>().Select(s => s.StackName);

            Assert.Equal(new[] { "ci-2" }, listed);
            Assert.Equal(new[] { "ci-1", "ci-2" }, all);
        }

        [Fact]
        public void ListedStacks_HaveNoOutputsOrParameters_NotEmptyOnes_AndAFullReadHasThem()
        {
            var heat = new FakeHeat().ListsStacks(Stack("web", "1"))
                .ShowsStack(HeatFixtures.StackDetail("web", "1").With("outputs", new Newtonsoft.Json.Linq.JArray(
                    new Newtonsoft.Json.Linq.JObject { ["output_key"] = "url", ["output_value"] = "http://web" })));
            using var host = new PowerShellHost(heat);

            var listed = host.Run("Get-HeatStack w* -Session $session").Objects<HeatStack>().Single();
            var read = host.Run("Get-HeatStack web -Session $session").Objects<HeatStack>().Single();

            Assert.Null(listed.Outputs);
            Assert.Null(listed.Parameters);
            Assert.Equal("http://web", read.Outputs["url"]);
            Assert.NotNull(read.Parameters);
        }

        [Fact]
        public void WildcardName_FiltersTheList()
        {
            using var host = new PowerShellHost(new FakeHeat().ListsStacks(Stack("ci-1", "id1"), Stack("web", "id2"), Stack("CI-2", "id3")));

            var result = host.Run("Get-HeatStack ci-* -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "ci-1", "CI-2" }, result.Objects<HeatStack>().Select(s => s.StackName));
        }

        [Fact]
        public void StatusWildcard_IsMatchedLocally()
        {
            using var host = new PowerShellHost(new FakeHeat().ListsStacks(Stack("a", "1", "CREATE_FAILED"), Stack("b", "2"), Stack("c", "3", "UPDATE_FAILED")));

            var result = host.Run("Get-HeatStack -Status *_FAILED -Session $session");

            Assert.Equal(new[] { "a", "c" }, result.Objects<HeatStack>().Select(s => s.StackName));
        }

        [Fact]
        public void AStateWithAFullStatus_IsNotNarrowedByHeatsStateFilter()
        {
            var heat = new FakeHeat().ListsStacks(Stack("a", "1", "CREATE_FAILED"), Stack("b", "2", "CREATE_COMPLETE"), Stack("c", "3", "UPDATE_COMPLETE"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Status FAILED, CREATE_COMPLETE -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "a", "b" }, result.Objects<HeatStack>().Select(s => s.StackName));
            // Asking Heat for status=FAILED would drop the CREATE_COMPLETE stacks: the list must be unfiltered.
            Assert.Equal(new[] { "GET stacks?limit=100" }, heat.Log);
        }

        [Fact]
        public void MissingName_IsANonTerminatingNotFound_AndTheOthersStillCome()
        {
            using var host = new PowerShellHost(new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("a", "1")).MissingStack("gone").ShowsStack(HeatFixtures.StackDetail("b", "2")));

            var result = host.Run("'a', 'gone', 'b' | Get-HeatStack -Session $session");

            Assert.Equal(new[] { "a", "b" }, result.Objects<HeatStack>().Select(s => s.StackName));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal("The Stack (gone) could not be found.", error.Exception.Message);
        }

        [Fact]
        public void PipedStack_IsReloadedById()
        {
            var heat = new FakeHeat().ListsStacks(Stack("web", "id-web")).ShowsStack(HeatFixtures.StackDetail("web", "id-web", "UPDATE_COMPLETE"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Get-HeatStack -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("UPDATE_COMPLETE", result.Objects<HeatStack>().Single().StackStatus);
            Assert.Equal(new[] { "GET stacks?limit=100", "GET stacks/web/id-web" }, heat.Log);
        }

        [Fact]
        public void ProxyLoginPage_IsAnInvalidResponseError_NotAnEmptyList()
        {
            var heat = new FakeHeat();
            heat.On(System.Net.Http.HttpMethod.Get, "stacks").Text(HttpStatusCode.OK, "text/html", "<html><form>Sign in</form></html>");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatInvalidResponse,", error.FullyQualifiedErrorId);
            Assert.Contains("text/html", error.Exception.Message);
            Assert.Contains(heat.Endpoint + "/stacks", error.Exception.Message);
        }

        [Fact]
        public void ANameThatIsNotAValidPattern_IsLookedUpLiterally_NotAPipelineStopper()
        {
            // "x-[a" has an unmatched bracket: PowerShell's wildcard throws on it only when matching, mid-list.
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("web", "1"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack 'x-[a', 'web*' -Session $session");

            Assert.Equal("web", result.Objects<HeatStack>().Single().StackName);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackNotFound,", error.FullyQualifiedErrorId);
        }

        /// <summary>
        /// A fake Heat whose shows of stacks s0..s{count-1} (by name or by name/id) each wait, up to 5 s, until
        /// <paramref name="together"/> requests are in flight at once, and answer the later names first: the most seen
        /// in flight, and the order the answers came back in.
        /// </summary>
        private static (FakeHeat Heat, Func<int> MostInFlight) SlowShows(int count, int together)
        {
            var heat = new FakeHeat();
            int inFlight = 0, most = 0;
            var enough = new System.Threading.Tasks.TaskCompletionSource<bool>(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            System.Threading.Tasks.Task<HttpResponseMessage> Hold(int i, Func<HttpResponseMessage> answer) => HoldAsync(i, answer);
            async System.Threading.Tasks.Task<HttpResponseMessage> HoldAsync(int i, Func<HttpResponseMessage> answer)
            {
                var now = System.Threading.Interlocked.Increment(ref inFlight);
                lock (heat) most = Math.Max(most, now);
                if (now >= together) enough.TrySetResult(true);
                await System.Threading.Tasks.Task.WhenAny(enough.Task, System.Threading.Tasks.Task.Delay(5000));
                await System.Threading.Tasks.Task.Delay(10 * (count - i)); // the later names answer first
                System.Threading.Interlocked.Decrement(ref inFlight);
                return answer();
            }
            for (var i = 0; i < count; i++)
            {
                var n = i;
                var name = $"s{n}";
                var id = $"00000000-0000-4000-8000-00000000000{n}";
                heat.On(HttpMethod.Get, $"stacks/{name}").Answer(_ => Hold(n, () =>
                {
                    var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                    redirect.Headers.Location = new Uri($"{heat.Endpoint}/stacks/{name}/{id}");
                    return redirect;
                }));
                heat.On(HttpMethod.Get, $"stacks/{name}/{id}").Answer(_ => Hold(n, () =>
                    FakeHeat.JsonResponse(HttpStatusCode.OK, new Newtonsoft.Json.Linq.JObject { ["stack"] = HeatFixtures.StackDetail(name, id) })));
            }
            heat.ListsStacks(Enumerable.Range(0, count).Select(i => Stack($"s{i}", $"00000000-0000-4000-8000-00000000000{i}")).ToArray());
            return (heat, () => most);
        }

        [Fact]
        public void SeveralNames_AreReadFourAtATime_AndWrittenInTheOrderGiven()
        {
            var (heat, mostInFlight) = SlowShows(6, together: 4);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack s0, s1, s2, s3, s4, s5 -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4", "s5" }, result.Objects<HeatStack>().Select(s => s.StackName));
            Assert.Equal(4, mostInFlight());
        }

        [Fact]
        public void Detailed_ReadsTheListedStacksFourAtATime_InTheListsOrder()
        {
            var (heat, mostInFlight) = SlowShows(6, together: 4);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack s* -Detailed -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4", "s5" }, result.Objects<HeatStack>().Select(s => s.StackName));
            Assert.All(result.Objects<HeatStack>(), s => Assert.True(s.IsDetailed));
            Assert.Equal(4, mostInFlight());
        }

        [Fact]
        public void SeveralNames_AMissingOneIsAnErrorInItsPlace_AndTheOthersStillCome()
        {
            using var host = new PowerShellHost(new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("a", "1")).MissingStack("gone").ShowsStack(HeatFixtures.StackDetail("b", "2")));

            var result = host.Run("Get-HeatStack a, gone, b -Session $session 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error: ' + $_.TargetObject } else { $_.StackName } }");

            Assert.Equal(new[] { "a", "error: gone", "b" }, result.Objects<string>());
        }
    }
}
