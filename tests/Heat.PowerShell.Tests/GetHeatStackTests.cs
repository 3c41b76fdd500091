using System.Linq;
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
    }
}
