using System.Linq;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class SendHeatResourceSignalTests
    {
        [Fact]
        public void Data_GoesToHeatAsJson_PowerShellObjectsIncluded_AndNothingIsWritten()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsSignal("web", "s1", "handle");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Send-HeatResourceSignal web handle -Data @{ status = 'SUCCESS'; id = 'web1'; data = [pscustomobject]@{ port = 8080 } } -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            var sent = heat.Sent(HttpMethod.Post).Single();
            Assert.Equal("POST stacks/web/s1/resources/handle/signal", sent.ToString());
            Assert.True(JToken.DeepEquals(JObject.Parse(@"{""status"":""SUCCESS"",""id"":""web1"",""data"":{""port"":8080}}"), sent.Json), sent.Body);
        }

        [Fact]
        public void PipedResourcesOfNestedStacks_AreSignalledInTheirOwnStack_WithoutALookup()
        {
            var heat = new FakeHeat()
                .ListsResources("web", "s1",
                    HeatFixtures.Resource("waiters", "OS::Heat::ResourceGroup", "web", "s1", "web-waiters-x", "n1"),
                    HeatFixtures.Resource("handle", "OS::Heat::WaitConditionHandle", "web-waiters-x", "n1"))
                .AcceptsSignal("web-waiters-x", "n1", "handle");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatResource web -NestedDepth 1 -ResourceType *WaitConditionHandle -Session $session | Send-HeatResourceSignal -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/s1/resources?nested_depth=1", "POST stacks/web-waiters-x/n1/resources/handle/signal" }, heat.Log);
            Assert.Null(heat.Sent(HttpMethod.Post).Single().Body);
        }

        [Fact]
        public void PassThru_WritesTheResourceAsHeatShowsItAfterTheSignal()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsSignal("web", "s1", "handle")
                .ShowsResource("web", "s1", HeatFixtures.Resource("handle", "OS::Heat::WaitConditionHandle", "web", "s1"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Send-HeatResourceSignal web handle -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("handle", Assert.Single(result.Objects<HeatResource>()).ResourceName);
            Assert.Contains(heat.Log, l => l.StartsWith("POST") && l.EndsWith("resources/handle/signal"));
        }

        [Fact]
        public void WhatIf_SendsNothing_AndNamesTheResource()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1")).AcceptsSignal("web", "s1", "handle");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Send-HeatResourceSignal web handle -Data @{ status = 'FAILURE' } -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "What if: Performing the operation \"Send a signal to Heat resource\" on target \"web resource handle\"." }, result.HostLines);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void AResourceMissingInOneStack_IsOneError_AndTheNextStackIsSignalled()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("a", "1")).ShowsStack(HeatFixtures.StackDetail("b", "2"))
                .AcceptsSignal("b", "2", "handle");
            heat.On(HttpMethod.Post, "stacks/a/1/resources/handle/signal").Error(System.Net.HttpStatusCode.NotFound, "The Resource (handle) could not be found in Stack a.", "ResourceNotFound");
            using var host = new PowerShellHost(heat);

            var result = host.Run("'a', 'b' | Send-HeatResourceSignal -ResourceName handle -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatResourceNotFound,Heat.PowerShell.Cmdlets.SendHeatResourceSignal", error.FullyQualifiedErrorId);
            Assert.Equal("a/handle", error.TargetObject);
            Assert.Contains("POST stacks/b/2/resources/handle/signal", heat.Log);
        }
    }
}
