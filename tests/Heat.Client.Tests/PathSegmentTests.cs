using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>
    /// A value in a Heat URL is one path segment: encoded, and never "." or ".." (or empty), which every URL parser on
    /// the way (ours, a proxy's, Heat's router) reads as "this folder" or "one up". Before, a snapshot id of ".." sent
    /// <c>DELETE stacks/web/{id}/</c> (a delete of the stack itself) and a resource name of ".." patched the stack.
    /// </summary>
    public class PathSegmentTests
    {
        private const string Sid = "8f3c1a52-0b1e-4a55-9f0e-4f4c2b1f6a10";
        private static readonly StackRef Web = StackRef.FromNameOrId("web");

        /// <summary>Every call that puts a value of the caller's into a path, by the kind of route it builds.</summary>
        private static readonly Dictionary<string, Func<HeatClient, string, Task>> Calls = new Dictionary<string, Func<HeatClient, string, Task>>
        {
            ["stack name"] = (c, v) => c.Stacks.GetAsync(StackRef.FromNameOrId(v), default),
            ["stack id"] = (c, v) => c.Stacks.DeleteAsync(new StackRef("web", v), default),
            ["stack name with its id"] = (c, v) => c.Stacks.UpdateAsync(new StackRef(v, Sid), new UpdateStackRequest { Existing = true }, default),
            ["snapshot: delete"] = (c, v) => c.Snapshots.DeleteAsync(Web, v, default),
            ["snapshot: show"] = (c, v) => c.Snapshots.GetAsync(Web, v, default),
            ["snapshot: restore"] = (c, v) => c.Snapshots.RestoreAsync(Web, v, default),
            ["output"] = (c, v) => c.Outputs.GetAsync(Web, v, default),
            ["resource: show"] = (c, v) => c.Resources.GetAsync(Web, v, withMetadata: false, default),
            ["resource: metadata"] = (c, v) => c.Resources.GetMetadataAsync(Web, v, default),
            ["resource: mark unhealthy"] = (c, v) => c.Resources.MarkUnhealthyAsync(Web, v, true, null, default),
            ["resource: signal"] = (c, v) => c.Resources.SignalAsync(Web, v, null, default),
            ["resource: clear hook"] = (c, v) => c.Hooks.ClearAsync(Web, v, "pre-create", default),
            ["resource: events"] = (c, v) => c.Events.ListPageAsync(Web, new EventListOptions { ResourceName = v }, null, default),
            ["event: resource"] = (c, v) => c.Events.GetAsync(Web, v, "e1", default),
            ["event: id"] = (c, v) => c.Events.GetAsync(Web, "rand", v, default),
            ["software config: show"] = (c, v) => c.SoftwareConfigs.GetAsync(v, default),
            ["software config: delete"] = (c, v) => c.SoftwareConfigs.DeleteAsync(v, default),
            ["software deployment: show"] = (c, v) => c.SoftwareDeployments.GetAsync(v, default),
            ["software deployment: update"] = (c, v) => c.SoftwareDeployments.UpdateAsync(v, new UpdateSoftwareDeploymentRequest { Status = "COMPLETE" }, default),
            ["software deployment: delete"] = (c, v) => c.SoftwareDeployments.DeleteAsync(v, default),
            ["server metadata"] = (c, v) => c.SoftwareDeployments.GetMetadataAsync(v, default),
            ["resource type: schema"] = (c, v) => c.ResourceTypes.GetSchemaAsync(v, withDescription: false, default),
            ["resource type: template"] = (c, v) => c.ResourceTypes.GenerateTemplateAsync(v, GeneratedTemplateType.Hot, default),
            ["template version: functions"] = (c, v) => c.TemplateVersions.ListFunctionsAsync(v, withConditions: false, default),
        };

        public static IEnumerable<object[]> DotSegments() =>
            Calls.Keys.SelectMany(call => new[] { ".", ".." }.Select(value => new object[] { call, value }));

        [Theory]
        [MemberData(nameof(DotSegments))]
        public async Task ADotSegment_IsAnArgumentError_AndNothingIsSent(string call, string value)
        {
            var heat = new FakeHeat();

            var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Calls[call](heat.Client(), value));

            Assert.Contains($"'{value}'", error.Message);
            Assert.Empty(heat.Requests);
        }

        public static IEnumerable<object[]> EmptyValues() =>
            Calls.Keys.Where(call => !call.StartsWith("stack ", StringComparison.Ordinal)).Select(call => new object[] { call });

        /// <summary>An empty value would address the list above it: <c>DELETE .../snapshots/</c>, <c>GET software_configs/</c>.</summary>
        [Theory]
        [MemberData(nameof(EmptyValues))]
        public async Task AnEmptyValue_IsAnArgumentError_AndNothingIsSent(string call)
        {
            var heat = new FakeHeat();

            await Assert.ThrowsAnyAsync<ArgumentException>(() => Calls[call](heat.Client(), ""));

            Assert.Empty(heat.Requests);
        }

        [Fact]
        public async Task AStackRoute_EncodesTheNameAndTheId()
        {
            var heat = new FakeHeat();
            heat.On(System.Net.Http.HttpMethod.Delete, "stacks/a%20b%3F/c%2Fd").Status(System.Net.HttpStatusCode.NoContent);

            await heat.Client().Stacks.DeleteAsync(new StackRef("a b?", "c/d"), default);

            Assert.Equal(new[] { "DELETE stacks/a%20b%3F/c%2Fd" }, heat.Log);
        }

        [Fact]
        public async Task ARouteBelowAStack_EncodesItsValue_AsOneSegment()
        {
            var heat = new FakeHeat();
            heat.On(System.Net.Http.HttpMethod.Delete, $"stacks/web/{Sid}/snapshots/..%2F..%23x").Status(System.Net.HttpStatusCode.NoContent);

            await heat.Client().Snapshots.DeleteAsync(new StackRef("web", Sid), "../..#x", default);

            Assert.Equal(new[] { $"DELETE stacks/web/{Sid}/snapshots/..%2F..%23x" }, heat.Log);
        }

        [Fact]
        public async Task ARouteTwoLevelsBelowAStack_EncodesEachValue()
        {
            var heat = new FakeHeat().ShowsEvent("web", Sid, "r/1", HeatFixtures.EventDetail("e 1", "r/1", "CREATE_COMPLETE", "web", Sid, "OS::Heat::None", null));

            await heat.Client().Events.GetAsync(new StackRef("web", Sid), "r/1", "e 1", default);

            Assert.Equal(new[] { $"GET stacks/web/{Sid}/resources/r%2F1/events/e%201" }, heat.Log);
        }

        [Fact]
        public async Task ARouteOutsideAStack_EncodesItsValue()
        {
            var heat = new FakeHeat();
            heat.On(System.Net.Http.HttpMethod.Delete, "software_configs/a%2F..").Status(System.Net.HttpStatusCode.NoContent);

            await heat.Client().SoftwareConfigs.DeleteAsync("a/..", default);

            Assert.Equal(new[] { "DELETE software_configs/a%2F.." }, heat.Log);
        }
    }
}
