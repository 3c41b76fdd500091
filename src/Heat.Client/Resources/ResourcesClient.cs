using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client
{
    /// <summary>Resources: <c>/stacks/{name}/{id}/resources</c>, one resource, and its metadata.</summary>
    public sealed class ResourcesClient
    {
        private readonly HeatApi _api;
        private readonly StacksClient _stacks;

        internal ResourcesClient(HeatApi api, StacksClient stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        internal static string ListRoute(StackRef stack) => StacksClient.Route(stack) + "/resources";

        internal static string Route(StackRef stack, string resourceName) => ListRoute(stack) + "/" + Query.Segment(resourceName);

        internal static string MetadataRoute(StackRef stack, string resourceName) => Route(stack, resourceName) + "/metadata";

        public async Task<IReadOnlyList<HeatResource>> ListAsync(StackRef stack, ResourceListOptions options, CancellationToken cancellationToken)
        {
            var route = Query.Append(ListRoute(stack), Query.From(options ?? new ResourceListOptions()));
            var resources = await _api.GetListAsync<HeatResource>(route, "resources", cancellationToken).ConfigureAwait(false);
            return resources.Select(r => r.Locate(stack.StackName, stack.StackId)).ToList();
        }

        /// <summary>One resource with its attributes, and its metadata.</summary>
        public async Task<HeatResource> GetAsync(StackRef stack, string resourceName, bool withMetadata, CancellationToken cancellationToken)
        {
            // Heat does not redirect below a resource: the route needs the stack's name and id.
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var resource = (await _api.GetAsync<HeatResource>(Route(stack, resourceName), "resource", cancellationToken).ConfigureAwait(false))
                .Locate(stack.StackName, stack.StackId);
            if (withMetadata)
            {
                var owner = resource.StackName != null && resource.StackId != null ? new StackRef(resource.StackName, resource.StackId) : stack;
                var metadata = await _api.SendAsync(System.Net.Http.HttpMethod.Get, MetadataRoute(owner, resourceName), null, cancellationToken).ConfigureAwait(false);
                resource.Metadata = HeatJson.ToHashtable(metadata.Object("metadata")) ?? new Hashtable();
            }
            return resource;
        }
    }
}
