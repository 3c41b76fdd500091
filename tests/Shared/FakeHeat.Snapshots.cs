using System.Net;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace Heat.Tests.Shared
{
    /// <summary>A stack's snapshot routes (heat/api/openstack/v1/stacks.py), answered as Heat answers them.</summary>
    internal sealed partial class FakeHeat
    {
        /// <summary>GET .../snapshots: every snapshot of the stack, in one list (Heat does not page it).</summary>
        public FakeHeat ListsSnapshots(string stackName, string stackId, params JObject[] snapshots)
        {
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Get, SnapshotsRoute(stackName, stackId)).Json(HttpStatusCode.OK, HeatFixtures.List("snapshots", snapshots));
            return this;
        }

        /// <summary>GET .../snapshots/{id}, with its data; more than one state: each look shows the next, the last repeats.</summary>
        public FakeHeat ShowsSnapshot(string stackName, string stackId, params JObject[] successiveStates)
        {
            RedirectsNameOnce(stackName, stackId);
            var route = On(HttpMethod.Get, SnapshotRoute(stackName, stackId, (string)successiveStates[0]["id"]));
            foreach (var state in successiveStates) route.Json(HttpStatusCode.OK, new JObject { ["snapshot"] = state });
            return this;
        }

        /// <summary>POST .../snapshots: 200 with the snapshot itself, no envelope, as Heat answers a snapshot it has begun.</summary>
        public FakeHeat TakesSnapshot(string stackName, string stackId, JObject taken)
        {
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Post, SnapshotsRoute(stackName, stackId)).Json(HttpStatusCode.OK, taken);
            return this;
        }

        /// <summary>DELETE .../snapshots/{id}: 204.</summary>
        public FakeHeat DeletesSnapshot(string stackName, string stackId, string snapshotId)
        {
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Delete, SnapshotRoute(stackName, stackId, snapshotId)).Status(HttpStatusCode.NoContent);
            return this;
        }

        /// <summary>POST .../snapshots/{id}/restore: 202 without a body; the stack goes RESTORE_IN_PROGRESS.</summary>
        public FakeHeat RestoresSnapshot(string stackName, string stackId, string snapshotId)
        {
            RedirectsNameOnce(stackName, stackId);
            On(HttpMethod.Post, SnapshotRoute(stackName, stackId, snapshotId) + "/restore").Status(HttpStatusCode.Accepted);
            return this;
        }

        /// <summary>Heat's 404 for a snapshot the stack does not have, on every snapshot route, worded as Heat 19 words it.</summary>
        public FakeHeat MissingSnapshot(string stackName, string stackId, string snapshotId)
        {
            RedirectsNameOnce(stackName, stackId);
            var route = SnapshotRoute(stackName, stackId, snapshotId);
            var message = $"Snapshot with id {snapshotId} not found";
            On(HttpMethod.Get, route).Error(HttpStatusCode.NotFound, message, "NotFound");
            On(HttpMethod.Delete, route).Error(HttpStatusCode.NotFound, message, "NotFound");
            On(HttpMethod.Post, route + "/restore").Error(HttpStatusCode.NotFound, message, "NotFound");
            return this;
        }

        private static string SnapshotsRoute(string stackName, string stackId) => StackRoute(stackName, stackId) + "/snapshots";

        private static string SnapshotRoute(string stackName, string stackId, string snapshotId) => SnapshotsRoute(stackName, stackId) + "/" + Segment(snapshotId);
    }
}
