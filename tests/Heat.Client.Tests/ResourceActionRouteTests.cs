using System;
using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>What a resource is told: signals, health, and its metadata read alone.</summary>
    public class ResourceActionRouteTests
    {
        private const string Sid = "8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10";
        private const string StackRoute = "stacks/web/" + Sid;

        [Fact]
        public async Task Signal_PostsTheDataAsJson_ToTheResourcesSignalRoute()
        {
            var heat = new FakeHeat().AcceptsSignal("web", Sid, "handle");
            var data = new Hashtable { ["status"] = "SUCCESS", ["reason"] = "built", ["id"] = "web1", ["data"] = new Hashtable { ["port"] = 8080, ["tls"] = true } };

            await heat.Client().Resources.SignalAsync(new StackRef("web", Sid), "handle", data, default);

            var sent = Assert.Single(heat.Requests);
            Assert.Equal($"POST {StackRoute}/resources/handle/signal", sent.ToString());
            Assert.StartsWith("application/json", sent.Header("Content-Type"));
            // Numbers and booleans inside stay what they are: the resource gets the data as given.
            Assert.True(JToken.DeepEquals(JObject.Parse(@"{""status"":""SUCCESS"",""reason"":""built"",""id"":""web1"",""data"":{""port"":8080,""tls"":true}}"), sent.Json),
                sent.Body);
        }

        [Fact]
        public async Task Signal_WithoutData_SendsNoBody_AndByName_ResolvesTheStackFirst()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", Sid)).AcceptsSignal("web", Sid, "my handle");

            await heat.Client().Resources.SignalAsync(StackRef.FromNameOrId("web"), "my handle", null, default);

            Assert.Equal(new[] { "GET stacks/web", $"POST {StackRoute}/resources/my%20handle/signal" }, heat.Log);
            Assert.Null(heat.Sent(HttpMethod.Post).Single().Body);
        }

        [Fact]
        public async Task Signal_IsNotSentTwice_AfterAnAnswerThatMayMeanItArrived()
        {
            // A handle counts each signal: a second one on a guess could complete a wait condition early.
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, $"{StackRoute}/resources/handle/signal").Error(HttpStatusCode.BadGateway, "proxy lost the answer");

            await Assert.ThrowsAsync<HeatServerException>(() =>
                heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1)).Resources.SignalAsync(new StackRef("web", Sid), "handle", null, default));

            Assert.Single(heat.Sent(HttpMethod.Post));
        }

        [Fact]
        public async Task Signal_ToAResourceHeatDoesNotKnow_IsNotFound_WithHeatsWords()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, $"{StackRoute}/resources/nope/signal").Error(HttpStatusCode.NotFound, "The Resource (nope) could not be found.", "ResourceNotFound");

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => heat.Client().Resources.SignalAsync(new StackRef("web", Sid), "nope", null, default));

            Assert.Equal("The Resource (nope) could not be found.", error.Message);
        }

        [Fact]
        public async Task MarkUnhealthy_PatchesTheResource_WithTheReason()
        {
            var heat = new FakeHeat().AcceptsHealthChange("web", Sid, "server");

            await heat.Client().Resources.MarkUnhealthyAsync(new StackRef("web", Sid), "server", true, "disk full", default);

            var sent = Assert.Single(heat.Requests);
            Assert.Equal($"PATCH {StackRoute}/resources/server", sent.ToString());
            Assert.True(JToken.DeepEquals(new JObject { ["mark_unhealthy"] = true, ["resource_status_reason"] = "disk full" }, sent.Json), sent.Body);
        }

        [Fact]
        public async Task MarkHealthy_SendsFalse_AndNoReasonWhenNoneIsGiven()
        {
            var heat = new FakeHeat().AcceptsHealthChange("web", Sid, "server");

            await heat.Client().Resources.MarkUnhealthyAsync(new StackRef("web", Sid), "server", false, null, default);

            // Without a reason Heat writes its own ("state changed by resource_mark_unhealthy api"), not an empty one.
            Assert.True(JToken.DeepEquals(new JObject { ["mark_unhealthy"] = false }, heat.Requests.Single().Json), heat.Requests.Single().Body);
        }

        [Fact]
        public async Task MarkUnhealthy_IsSentAgain_AfterATransientFailure()
        {
            // Setting a state twice leaves the same state, so a 503 is retried like a read.
            var heat = new FakeHeat();
            heat.On(new HttpMethod("PATCH"), $"{StackRoute}/resources/server")
                .Error(HttpStatusCode.ServiceUnavailable, "busy").Json(HttpStatusCode.OK, JValue.CreateNull());

            await heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1)).Resources.MarkUnhealthyAsync(new StackRef("web", Sid), "server", true, null, default);

            Assert.Equal(2, heat.Requests.Count);
        }

        [Fact]
        public async Task Metadata_IsReadThroughItsOwnRoute_Only()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", Sid)).ShowsResource("web", Sid,
                HeatFixtures.Resource("handle", "OS::Heat::WaitConditionHandle", "web", Sid),
                new JObject { ["web1"] = new JObject { ["status"] = "SUCCESS", ["data"] = "ok" } });

            var metadata = await heat.Client().Resources.GetMetadataAsync(StackRef.FromNameOrId("web"), "handle", default);

            Assert.Equal(new[] { "GET stacks/web", $"GET {StackRoute}/resources/handle/metadata" }, heat.Log);
            Assert.Equal("ok", ((Hashtable)metadata["web1"])["data"]);
        }

        [Fact]
        public async Task Metadata_WithoutItsEnvelope_IsAnInvalidResponse_NotAnEmptyMap()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, $"{StackRoute}/resources/handle/metadata").Json(HttpStatusCode.OK, new JObject { ["web1"] = "x" });

            var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().Resources.GetMetadataAsync(new StackRef("web", Sid), "handle", default));

            Assert.Contains("\"metadata\"", error.Message);
        }
    }
}
