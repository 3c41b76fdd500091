using System.Linq;
using System.Net;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace Heat.Tests.Shared
{
    /// <summary>Heat's stack actions, and the events a wait for one of them reads.</summary>
    internal sealed partial class FakeHeat
    {
        /// <summary>POST stacks/{name}/{id}/actions: 200 with a JSON null, as Heat answers every action (a test reads
        /// which one from the body sent).</summary>
        public FakeHeat AcceptsActions(string stackName, string stackId)
        {
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Post, StackRoute(stackName, stackId) + "/actions").Json(HttpStatusCode.OK, JValue.CreateNull());
            return this;
        }

        /// <summary>
        /// The stack's own events as Heat writes them: one before whatever comes next ("{name}-e0", CREATE_COMPLETE: the
        /// newest event, which a wait takes as its marker), then one per status given, in order ("{name}-e1" ...). A wait
        /// reads the events after its marker and ends on the stack's own final one; show the stack's states with
        /// <see cref="ShowsStack"/>. Set up before any other events route of the same stack, which would shadow it.
        /// </summary>
        public FakeHeat WritesStackEvents(string stackName, string stackId, params string[] statuses)
        {
            JObject Own(int index, string status) =>
                HeatFixtures.Event($"{stackName}-e{index}", stackName, status, stackName, stackId, physicalId: stackId)
                    .With("resource_status_reason", $"Stack {status}");
            var before = Own(0, "CREATE_COMPLETE");
            On(HttpMethod.Get, StackRoute(stackName, stackId) + "/events?sort_dir=desc&limit=1")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events", before));
            return ListsEvents(stackName, stackId, new[] { before }.Concat(statuses.Select((status, i) => Own(i + 1, status))).ToArray());
        }
    }
}
