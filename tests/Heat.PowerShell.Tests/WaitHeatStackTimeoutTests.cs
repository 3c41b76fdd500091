using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class WaitHeatStackTimeoutTests
    {
        /// <summary>
        /// A wait that reaches its deadline is a Heat error like the others, from the one error table: HeatStackTimeout,
        /// OperationTimeout, per stack (the pipeline goes on), and the stack as last seen is still written.
        /// </summary>
        [Fact]
        public void AStackStillInProgressAtTheTimeout_IsAHeatStackTimeoutError_AndTheStackAsLastSeenIsWritten()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("web", "s1").With("stack_status", "UPDATE_IN_PROGRESS"))
                .ListsEvents("web", "s1")
                .ListsResources("web", "s1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Wait-HeatStack web -Timeout 1 -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackTimeout,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Equal("Stack 'web' is still UPDATE_IN_PROGRESS after 1 second.", error.Exception.Message);
            Assert.Equal("UPDATE_IN_PROGRESS", result.Objects<HeatStack>().Single().StackStatus);
        }
    }
}
