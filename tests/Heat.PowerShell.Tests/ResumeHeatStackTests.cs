using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Resume-HeatStack: Heat's resume action, -PassThru, and -Wait.</summary>
    public class ResumeHeatStackTests
    {
        /// <summary>web (1) resumes to <paramref name="finalStatus"/>.</summary>
        private static FakeHeat Heat(string finalStatus = "RESUME_COMPLETE") => new FakeHeat()
            .WritesStackEvents("web", "1", "RESUME_IN_PROGRESS", finalStatus)
            .ShowsStack(HeatFixtures.StackDetail("web", "1", "RESUME_IN_PROGRESS"), HeatFixtures.StackDetail("web", "1", finalStatus))
            .ListsResources("web", "1")
            .AcceptsActions("web", "1");

        [Fact]
        public void SendsHeatsResumeAction_AndPassThruWritesTheStackAsItStarted()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Resume-HeatStack web -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            var stack = Assert.Single(result.Objects<HeatStack>());
            Assert.Equal("web 1 RESUME_IN_PROGRESS", $"{stack.StackName} {stack.Id} {stack.StackStatus}");
            Assert.Equal(new[] { "GET stacks/web", "POST stacks/web/1/actions" }, heat.Log);
            Assert.Equal("{\"resume\":null}", heat.Sent(HttpMethod.Post).Single().Json.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Wait_WithoutPassThru_WaitsUntilResumed_AndWritesNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Resume-HeatStack web -Force -Wait -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Contains("GET stacks/web/1/events?sort_dir=asc&limit=100&marker=web-e0", heat.Log);
        }

        [Fact]
        public void WaitPassThru_WritesTheStackResumed()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("Resume-HeatStack web -Force -Wait -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("RESUME_COMPLETE", Assert.Single(result.Objects<HeatStack>()).StackStatus);
        }

        [Fact]
        public void Wait_AResumeThatFails_IsAnErrorWithHeatsReason()
        {
            using var host = new PowerShellHost(Heat("RESUME_FAILED"));

            var result = host.Run("Resume-HeatStack web -Force -Wait -PassThru -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.ResumeHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("RESUME_FAILED, not RESUME_COMPLETE: Resource RESUME failed", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void AStackHeatCannotResume_IsAnErrorWithHeatsReason()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            heat.On(HttpMethod.Post, "stacks/web/1/actions").Error(HttpStatusCode.BadRequest, "Stack web is not suspended: it is CREATE_COMPLETE.", "StackValidationFailed");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Resume-HeatStack web -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("web", error.TargetObject);
            Assert.Contains("is not suspended", error.Exception.Message);
        }
    }
}
