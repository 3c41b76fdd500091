using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Operations
{
    /// <summary>
    /// A stack is named by -StackName, by -StackId alone, or by a piped object; a record that names none is an error
    /// (never a prompt: the test host answers none), and two ways that disagree are an error, never a silent choice.
    /// </summary>
    public class TargetTests
    {
        private static FakeHeat Web() => new FakeHeat()
            .ShowsStack(HeatFixtures.StackDetail("web", "1"))
            .ListsEvents("web", "1", HeatFixtures.Event("e1", "server", "CREATE_COMPLETE", "web", "1"))
            .ListsResources("web", "1", HeatFixtures.Resource("server", "OS::Nova::Server", "web", "1"))
            .DeletesStack("web", "1");

        [Fact]
        public void GetHeatEvent_ByStackIdAlone_ReadsThatStacksEvents()
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatEvent -StackId 1 -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "e1" }, result.Objects<HeatEvent>().Select(e => e.Id));
        }

        [Fact]
        public void GetHeatResource_ByStackIdAlone_ReadsThatStacksResources()
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatResource -StackId 1 -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "server" }, result.Objects<HeatResource>().Select(r => r.ResourceName));
        }

        [Fact]
        public void RemoveHeatStack_ByStackIdAlone_DeletesThatStack()
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStack -StackId 1 -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains("DELETE stacks/web/1", heat.Log);
        }

        [Theory]
        [InlineData("Remove-HeatStack -Force -Session $session")]
        [InlineData("Get-HeatEvent -Session $session")]
        [InlineData("Get-HeatResource -Session $session")]
        public void NothingNamed_IsAnError_NeverAPrompt(string script)
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run(script);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackNotNamed,", error.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("Remove-HeatStack -StackName web, db -StackId 1 -Force -Session $session")]
        [InlineData("Remove-HeatStack -StackName 'w*' -StackId 1 -Force -Session $session")]
        [InlineData("[pscustomobject]@{ StackName = 'web'; StackId = '1' } | Remove-HeatStack -StackName db -Force -Session $session")]
        [InlineData("[pscustomobject]@{ StackName = 'db' } | Remove-HeatStack -StackId 1 -Force -Session $session")]
        public void TwoWaysThatDisagree_AreAnError_AndNothingIsDone(string script)
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run(script);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackTargetConflict,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void APipedObjectsNameAndId_NameOneStack()
        {
            var heat = Web();
            using var host = new PowerShellHost(heat);

            var result = host.Run("[pscustomobject]@{ StackName = 'web'; StackId = '1' } | Remove-HeatStack -Force -Session $session");

            Assert.Empty(result.Errors);
            // No name lookup: the stack is read by name and id (its protection tag), then deleted.
            Assert.Equal(new[] { "GET stacks/web/1?resolve_outputs=False", "DELETE stacks/web/1" }, heat.Log);
        }

        [Fact]
        public void DestructiveWildcard_MatchesWithCase()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("ci-1", "1"), HeatFixtures.Stack("CI-UPPER", "2"))
                .ShowsStack(HeatFixtures.StackDetail("ci-1", "1")).ShowsStack(HeatFixtures.StackDetail("CI-UPPER", "2"))
                .DeletesStack("ci-1", "1").DeletesStack("CI-UPPER", "2");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStack 'ci-*' -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "DELETE stacks/ci-1/1" }, heat.Log.Where(l => l.StartsWith("DELETE")));
        }

        [Fact]
        public void ReadingWildcard_MatchesWithoutCase()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("ci-1", "1"), HeatFixtures.Stack("CI-UPPER", "2"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack 'ci-*' -Session $session");

            Assert.Equal(new[] { "ci-1", "CI-UPPER" }, result.Objects<HeatStack>().Select(s => s.StackName));
        }

        [Fact]
        public void DestructiveWildcard_OnAListingThatFailsPartWay_DeletesNothing()
        {
            var heat = new FakeHeat();
            var firstPage = Enumerable.Range(0, 100).Select(i => HeatFixtures.Stack("ci-" + i, "id-" + i)).ToArray();
            heat.On(HttpMethod.Get, "stacks?limit=100").Json(HttpStatusCode.OK, HeatFixtures.List("stacks", firstPage));
            heat.On(HttpMethod.Get, "stacks?limit=100&marker=id-99").Error(HttpStatusCode.BadRequest, "The marker is not valid.");
            heat.On(HttpMethod.Delete, "stacks/ci-0/id-0").Status(HttpStatusCode.NoContent);
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStack 'ci-*' -Force -Session $session");

            Assert.Single(result.Errors);
            Assert.DoesNotContain(heat.Log, l => l.StartsWith("DELETE"));
        }
    }
}
