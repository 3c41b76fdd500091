using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class SetHeatResourceTests
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        [Fact]
        public void MarkUnhealthy_SendsTheReason_AndPassThruShowsCheckFailed()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsHealthChange("web", "s1", "server")
                .ShowsResource("web", "s1", HeatFixtures.Resource("server", "OS::Heat::TestResource", "web", "s1")
                    .With("resource_status", "CHECK_FAILED").With("resource_status_reason", "disk full"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Set-HeatResource web server -MarkUnhealthy -Reason 'disk full' -PassThru -Session $session");

            Assert.Empty(result.Errors);
            var sent = heat.Sent(Patch).Single();
            Assert.Equal("PATCH stacks/web/s1/resources/server", sent.ToString());
            Assert.True(JToken.DeepEquals(new JObject { ["mark_unhealthy"] = true, ["resource_status_reason"] = "disk full" }, sent.Json), sent.Body);
            var resource = result.Objects<HeatResource>().Single();
            Assert.Equal(("CHECK_FAILED", "disk full"), (resource.ResourceStatus, resource.ResourceStatusReason));
            // The stack is looked up once, for the change and the read after it.
            Assert.Single(heat.Log, l => l == "GET stacks/web");
        }

        [Fact]
        public void MarkHealthy_OnAPipedResource_SendsFalse_WithoutALookup_AndWritesNothingWithoutPassThru()
        {
            var heat = new FakeHeat().AcceptsHealthChange("web", "s1", "server");
            using var host = new PowerShellHost(heat);

            var result = host.Run("[pscustomobject]@{ StackName = 'web'; StackId = 's1'; ResourceName = 'server' } | Set-HeatResource -MarkHealthy -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "PATCH stacks/web/s1/resources/server" }, heat.Log);
            Assert.True(JToken.DeepEquals(new JObject { ["mark_unhealthy"] = false }, heat.Sent(Patch).Single().Json), heat.Sent(Patch).Single().Body);
        }

        [Theory]
        [InlineData("Set-HeatResource web server -Session $session")]
        [InlineData("Set-HeatResource web server -MarkUnhealthy -MarkHealthy -Session $session")]
        public void NeitherOrBothMarks_StopTheCommand_AndSendNothing(string script)
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsHealthChange("web", "s1", "server");
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination(script);

            Assert.StartsWith("AmbiguousParameterSet,", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void WhatIf_ChangesNothing_AndSaysWhichWay()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsHealthChange("web", "s1", "server");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Set-HeatResource web server -MarkUnhealthy -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "What if: Performing the operation \"Mark Heat resource unhealthy\" on target \"web resource server\"." }, result.HostLines);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void AResourceHeatIsBusyWith_IsAConflictError()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(Patch, "stacks/web/s1/resources/server").Error(HttpStatusCode.Conflict, "Stack web already has an action (UPDATE) in progress.", "ActionInProgress");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Set-HeatResource web server -MarkUnhealthy -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatResourceConflict,Heat.PowerShell.Cmdlets.SetHeatResource", error.FullyQualifiedErrorId);
            Assert.Equal("Stack web already has an action (UPDATE) in progress.", error.Exception.Message);
        }
    }
}
