using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Heat's own words where they do not say what to do (its policy rule name, "signal is not supported for
    /// resource.", a lost output key): the error goes on with what it means and what to do.
    /// </summary>
    public class ErrorAdviceTests
    {
        [Fact]
        public void GetHeatService_AsAMember_SaysItIsForAdministrators_AndWhatToDo()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "services").Error(HttpStatusCode.Forbidden, "You are not authorized to use service:index.", "Forbidden");
            using var host = new PowerShellHost(heat);

            var error = Assert.Single(host.Run("Get-HeatService -Session $session").Errors);

            Assert.StartsWith("HeatAccessDenied,", error.FullyQualifiedErrorId);
            Assert.Equal("You are not authorized to use service:index.", error.Exception.Message);
            Assert.StartsWith("You are not authorized to use service:index. Heat's policy rule service:index gives the list of Heat's engines to " +
                              "the cloud's administrators only", error.ErrorDetails.Message);
            Assert.Contains("admin role", error.ErrorDetails.Message);
        }

        [Fact]
        public void AnyOther403_SaysTheUserLacksARole()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks").Error(HttpStatusCode.Forbidden, "You are not authorized to use stacks:global_index.", "Forbidden");
            using var host = new PowerShellHost(heat);

            var error = Assert.Single(host.Run("Get-HeatStack -Session $session").Errors);

            Assert.Contains("Heat's policy rule stacks:global_index does not allow this to the session's user", error.ErrorDetails.Message);
            Assert.Contains("-Session", error.ErrorDetails.Message);
        }

        [Fact]
        public void ASignal_ToAResourceThatTakesNone_SaysWhichResourcesDo()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(HttpMethod.Post, "stacks/web/s1/resources/rnd/signal")
                .Error(HttpStatusCode.BadRequest, "signal is not supported for resource.", "ResourceActionNotSupported");
            using var host = new PowerShellHost(heat);

            var error = Assert.Single(host.Run("Send-HeatResourceSignal web rnd -Session $session").Errors);

            Assert.StartsWith("HeatResourceInvalid,", error.FullyQualifiedErrorId);
            Assert.StartsWith("signal is not supported for resource. Resource web/rnd does not take signals: only a resource that waits for one",
                error.ErrorDetails.Message);
            Assert.Contains("OS::Heat::WaitConditionHandle", error.ErrorDetails.Message);
            Assert.Contains("Clear-HeatStackHook", error.ErrorDetails.Message);
        }

        [Fact]
        public void ASignal_ToASuspendedResource_SaysToResumeFirst()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(HttpMethod.Post, "stacks/web/s1/resources/handle/signal")
                .Error(HttpStatusCode.BadRequest, "Signal resource during SUSPEND is not supported.", "NotSupported");
            using var host = new PowerShellHost(heat);

            var error = Assert.Single(host.Run("Send-HeatResourceSignal web handle -Session $session").Errors);

            Assert.Contains("Resume-HeatStack", error.ErrorDetails.Message);
        }

        [Fact]
        public void AnOutputTheStackLacks_IsNamed_WithTheOnesItHas_NotHeatsLostKey()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(HttpMethod.Get, "stacks/web/s1/outputs/nope").Error(HttpStatusCode.NotFound, "Specified output key {} not found.", "NotFound");
            heat.On(HttpMethod.Get, "stacks/web/s1/outputs").Json(HttpStatusCode.OK, new JObject
            {
                ["outputs"] = new JArray(new JObject { ["output_key"] = "url" }, new JObject { ["output_key"] = "admin_password" }),
            });
            using var host = new PowerShellHost(heat);

            var error = Assert.Single(host.Run("Get-HeatStackOutput web nope -Session $session").Errors);

            Assert.Equal("HeatStackOutputNotFound,Heat.PowerShell.Cmdlets.GetHeatStackOutput", error.FullyQualifiedErrorId);
            Assert.Equal("Stack web has no output 'nope'. Its outputs: url, admin_password.", error.Exception.Message);
        }
    }
}
