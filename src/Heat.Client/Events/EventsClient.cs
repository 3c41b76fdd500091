using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client
{
    /// <summary>Events: <c>/stacks/{name}/{id}/events</c> and a resource's <c>.../resources/{name}/events</c>.</summary>
    public sealed class EventsClient
    {
        private readonly HeatApi _api;
        private readonly StacksClient _stacks;

        internal EventsClient(HeatApi api, StacksClient stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        internal static string Route(StackRef stack) => StacksClient.Route(stack) + "/events";

        internal static string ResourceRoute(StackRef stack, string resourceName) => ResourcesClient.Route(stack, resourceName) + "/events";

        internal static string EventRoute(StackRef stack, string resourceName, string eventId) =>
            ResourceRoute(stack, resourceName) + "/" + Query.Segment(eventId);

        /// <summary>One page of events after <paramref name="marker"/>. A resource's events need the stack's name and
        /// id (Heat does not redirect below a resource): pass a resolved stack, as <see cref="List"/> does.</summary>
        public async Task<Page<HeatEvent>> ListPageAsync(StackRef stack, EventListOptions options, string marker, CancellationToken cancellationToken)
        {
            options = options ?? new EventListOptions();
            if (options.ResourceName != null) stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var query = Query.From(options);
            if (marker != null) query.Add(Query.Pair("marker", marker));
            var route = options.ResourceName != null ? ResourceRoute(stack, options.ResourceName) : Route(stack);
            var page = await _api.GetPageAsync<HeatEvent>(Query.Append(route, query), "events", options.PageSize, e => e.Id, cancellationToken).ConfigureAwait(false);
            return new Page<HeatEvent>(page.Items.Select(e => e.Locate(stack.StackName, stack.StackId)).ToList(), page.NextMarker);
        }

        /// <summary>Every event, page after page; with a <paramref name="marker"/>, only those after it (how a wait
        /// follows a stack without reading its history again).</summary>
        public IEnumerable<HeatEvent> List(StackRef stack, EventListOptions options, CancellationToken cancellationToken, string marker = null)
        {
            var resolved = stack;
            return HeatApi.Paginate(async (next, token) =>
            {
                // A resource's events need the stack's name and id: look it up once, not once a page.
                if (options?.ResourceName != null) resolved = await _stacks.ResolveAsync(resolved, token).ConfigureAwait(false);
                return await ListPageAsync(resolved, options, next, token).ConfigureAwait(false);
            }, e => e.Id, marker, cancellationToken);
        }

        /// <summary>Every event (after <paramref name="marker"/>), gathered asynchronously: for waits and other work
        /// off the pipeline thread, where <see cref="List"/> would block a pool thread.</summary>
        internal async Task<List<HeatEvent>> ListAllAsync(StackRef stack, EventListOptions options, CancellationToken cancellationToken, string marker = null)
        {
            if (options?.ResourceName != null) stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            return await HeatApi.CollectAsync((next, token) => ListPageAsync(stack, options, next, token), e => e.Id, marker, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One event, which Heat addresses through its resource.</summary>
        public async Task<HeatEvent> GetAsync(StackRef stack, string resourceName, string eventId, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var found = await _api.GetAsync<HeatEvent>(EventRoute(stack, resourceName, eventId), "event", cancellationToken).ConfigureAwait(false);
            return found.Locate(stack.StackName, stack.StackId);
        }
    }
}
