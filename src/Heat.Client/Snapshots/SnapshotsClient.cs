using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Snapshots
{
    /// <summary>Snapshots of a stack: <c>/stacks/{name}/{id}/snapshots</c>, one snapshot, and its restore.</summary>
    public sealed class SnapshotsClient
    {
        private readonly HeatApi _api;
        private readonly StackResolver _stacks;

        internal SnapshotsClient(HeatApi api, StackResolver stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        /// <summary>Takes a snapshot; Heat answers at once with the snapshot IN_PROGRESS (the stack goes SNAPSHOT_IN_PROGRESS).</summary>
        public async Task<HeatStackSnapshot> CreateAsync(StackRef stack, string name, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var body = new JObject();
            if (!Strings.IsNullOrEmpty(name)) body["name"] = name;
            var response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.Snapshots.At(stack), body, cancellationToken).ConfigureAwait(false);
            // Heat returns the snapshot itself, without an envelope.
            var snapshot = HeatApi.Read<HeatStackSnapshot>(response, response.Body());
            if (Strings.IsNullOrEmpty(snapshot.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "the snapshot it returns has no id");
            }
            return Of(snapshot, stack);
        }

        public async Task<IReadOnlyList<HeatStackSnapshot>> ListAsync(StackRef stack, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var snapshots = await _api.GetListAsync<HeatStackSnapshot>(HeatRoutes.Snapshots.At(stack), "snapshots", cancellationToken).ConfigureAwait(false);
            return snapshots.Select(s => Of(s, stack)).ToList();
        }

        public async Task<HeatStackSnapshot> GetAsync(StackRef stack, string snapshotId, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Snapshot(snapshotId);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            return Of(await _api.GetAsync<HeatStackSnapshot>(route.At(stack), "snapshot", cancellationToken).ConfigureAwait(false), stack);
        }

        public async Task DeleteAsync(StackRef stack, string snapshotId, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Snapshot(snapshotId);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            await _api.SendAsync(HttpMethod.Delete, route.At(stack), null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Restores the stack to a snapshot; Heat answers 202 and the stack goes RESTORE_IN_PROGRESS.</summary>
        public async Task RestoreAsync(StackRef stack, string snapshotId, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.SnapshotRestore(snapshotId);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            // No body: Heat's restore takes none, and answers 400 "malformed" to one.
            await _api.SendAsync(HttpMethod.Post, route.At(stack), null, cancellationToken).ConfigureAwait(false);
        }

        private static HeatStackSnapshot Of(HeatStackSnapshot snapshot, StackRef stack)
        {
            snapshot.StackName = stack.StackName;
            snapshot.StackId = stack.StackId;
            return snapshot;
        }
    }
}
