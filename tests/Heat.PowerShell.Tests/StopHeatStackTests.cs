using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Stop-HeatStack: cancel an update, with or without rollback, and -Wait for what each means.</summary>
    public class StopHeatStackTests
    {
        /// <summary>web (1) is being updated; cancelled, its own events go <paramref name="events"/> and it ends at the last.</summary>
        private static FakeHeat Heat(params string[] events) => new FakeHeat()
            .WritesStackEvents("web", "1", events)
            .ShowsStack(HeatFixtures.StackDetail("web", "1", "UPDATE_IN_PROGRESS"), HeatFixtures.StackDetail("web", "1", events.Last()))
            .ListsResources("web", "1")
            .AcceptsActions("web", "1");

        private static string ActionSent(FakeHeat heat) => heat.Sent(HttpMethod.Post).Single().Json.ToString(Newtonsoft.Json.Formatting.None);

        [Fact]
        public void SendsCancelUpdate_AndWritesNothing()
        {
            var heat = Heat("ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Stop-HeatStack web -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "GET stacks/web", "POST stacks/web/1/actions" }, heat.Log);
            Assert.Equal("{\"cancel_update\":null}", ActionSent(heat));
        }

        [Fact]
        public void NoRollback_SendsCancelWithoutRollback()
        {
            var heat = Heat("UPDATE_FAILED");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Stop-HeatStack web -NoRollback -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("{\"cancel_without_rollback\":null}", ActionSent(heat));
            Assert.Equal("UPDATE_IN_PROGRESS", Assert.Single(result.Objects<HeatStack>()).StackStatus);
        }

        [Fact]
        public void Wait_ARollbackThatCompletes_IsWhatWasAskedFor()
        {
            using var host = new PowerShellHost(Heat("ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"));

            var result = host.Run("Stop-HeatStack web -Force -Wait -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("ROLLBACK_COMPLETE", Assert.Single(result.Objects<HeatStack>()).StackStatus);
        }

        [Fact]
        public void WaitNoRollback_AnUpdateLeftFailed_IsWhatWasAskedFor()
        {
            using var host = new PowerShellHost(Heat("UPDATE_FAILED"));

            var result = host.Run("Stop-HeatStack web -NoRollback -Force -Wait -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("UPDATE_FAILED", Assert.Single(result.Objects<HeatStack>()).StackStatus);
        }

        [Fact]
        public void Wait_AnUpdateThatCompletedBeforeTheCancel_IsAnError()
        {
            using var host = new PowerShellHost(Heat("UPDATE_COMPLETE"));

            var result = host.Run("Stop-HeatStack web -Force -Wait -PassThru -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.StopHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("UPDATE_COMPLETE, not ROLLBACK_COMPLETE", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void AStackNotBeingUpdated_IsAnErrorWithHeatsReason_AndTheOthersAreStopped()
        {
            var heat = Heat("ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE").ShowsStack(HeatFixtures.StackDetail("db", "2"));
            heat.On(HttpMethod.Post, "stacks/db/2/actions")
                .Error(HttpStatusCode.BadRequest, "Cancelling update when stack is CREATE_COMPLETE is not supported.", "NotSupported");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Stop-HeatStack db, web -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("db", error.TargetObject);
            Assert.Contains("Cancelling update when stack is CREATE_COMPLETE is not supported.", error.Exception.Message);
            Assert.Contains("POST stacks/web/1/actions", heat.Log);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndNoCancelsNothing()
        {
            var heat = Heat("ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE");
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run("Stop-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains("Performing the operation \"Cancel the update of Heat stack\" on target \"web\".", Assert.Single(host.Host.Prompts));
            Assert.Empty(heat.Requests);
        }
    }
}
