using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Resources
{
    /// <summary>Resources: <c>/stacks/{name}/{id}/resources</c>, one resource, its metadata, signals and health.</summary>
    public sealed class ResourcesClient
    {
        private readonly HeatApi _api;
        private readonly StackResolver _stacks;

        internal ResourcesClient(HeatApi api, StackResolver stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>The stack's resources. By a name this session has seen: at the remembered id, checked by Heat's
        /// lookup of the name sent at the same time (<see cref="StackResolver.ReadPinnedAsync"/>).</summary>
        public async Task<IReadOnlyList<HeatResource>> ListAsync(StackRef stack, ResourceListOptions options, CancellationToken cancellationToken)
        {
            var query = Query.From(options ?? new ResourceListOptions());
            var (at, resources) = await _stacks.ReadPinnedAsync(stack,
                (pinned, token) => _api.GetListAsync<HeatResource>(Query.Append(HeatRoutes.Resources.At(pinned), query), "resources", token), cancellationToken).ConfigureAwait(false);
            return resources.Select(r => r.Locate(at.StackName, at.StackId)).ToList();
        }

        /// <summary>One resource with its attributes, and its metadata.</summary>
        public async Task<HeatResource> GetAsync(StackRef stack, string resourceName, bool withMetadata, CancellationToken cancellationToken)
        {
            // Heat does not redirect below a resource: the route needs the stack's name and id.
            var route = HeatRoutes.Resource(resourceName);
            var (at, found) = await _stacks.ReadPinnedAsync(stack,
                (pinned, token) => _api.GetAsync<HeatResource>(route.At(pinned), "resource", token), cancellationToken).ConfigureAwait(false);
            stack = at;
            var resource = found.Locate(stack.StackName, stack.StackId);
            if (withMetadata)
            {
                var owner = resource.StackName != null && resource.StackId != null ? new StackRef(resource.StackName, resource.StackId) : stack;
                resource.Metadata = await ReadMetadataAsync(HeatRoutes.ResourceMetadata(resourceName).At(owner), cancellationToken).ConfigureAwait(false);
            }
            return resource;
        }

        /// <summary>A resource's metadata alone, through Heat's metadata route (one request once the stack is known).</summary>
        public async Task<Hashtable> GetMetadataAsync(StackRef stack, string resourceName, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.ResourceMetadata(resourceName);
            var (_, metadata) = await _stacks.ReadPinnedAsync(stack, (pinned, token) => ReadMetadataAsync(route.At(pinned), token), cancellationToken)
                .ConfigureAwait(false);
            return metadata;
        }

        /// <summary>
        /// Signals a resource (a wait condition handle, a scaling policy, a hook to clear) with <paramref name="data"/>
        /// as its JSON body, or no body. Heat answers 200 with no envelope: the resource handles the signal on its own
        /// time, so the call says only that Heat took it. Not sent twice on a guess: a handle counts each signal.
        /// </summary>
        public async Task SignalAsync(StackRef stack, string resourceName, IDictionary data, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.ResourceSignal(resourceName);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var body = data == null ? null : TemplateParameters.ToJson(data);
            await _api.SendAsync(HttpMethod.Post, route.At(stack), body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Marks a resource unhealthy (Heat sets it CHECK_FAILED, and the next update replaces it) or, with
        /// <paramref name="unhealthy"/> false, healthy again (CHECK_FAILED becomes CHECK_COMPLETE; any other state is
        /// left as it is). <paramref name="reason"/> becomes the resource's status reason; null lets Heat word it.
        /// </summary>
        public async Task MarkUnhealthyAsync(StackRef stack, string resourceName, bool unhealthy, string reason, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Resource(resourceName);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var body = new JObject { ["mark_unhealthy"] = unhealthy };
            if (reason != null) body["resource_status_reason"] = reason;
            // Setting a state twice leaves the same state: safe to send again after a transient failure.
            await _api.SendAsync(Patch, route.At(stack), body, cancellationToken, idempotent: true).ConfigureAwait(false);
        }

        private async Task<Hashtable> ReadMetadataAsync(string route, CancellationToken cancellationToken)
        {
            var metadata = await _api.SendAsync(HttpMethod.Get, route, null, cancellationToken).ConfigureAwait(false);
            return HeatJson.ToHashtable(metadata.Object("metadata")) ?? new Hashtable();
        }
    }
}
