using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Events
{
    /// <summary>Events: <c>/stacks/{name}/{id}/events</c> and a resource's <c>.../resources/{name}/events</c>.</summary>
    public sealed class EventsClient
    {
        private readonly HeatApi _api;
        private readonly StackResolver _stacks;

        internal EventsClient(HeatApi api, StackResolver stacks)
        {
            _api = api;
            _stacks = stacks;
        }

        /// <summary>One page of events after <paramref name="marker"/>. By a name this session has seen: at the
        /// remembered id, checked by Heat's lookup of the name sent at the same time (<see cref="StackResolver.ReadPinnedAsync"/>);
        /// a resource's events need the stack's name and id in any case (Heat does not redirect below a resource).</summary>
        public async Task<Page<HeatEvent>> ListPageAsync(StackRef stack, EventListOptions options, string? marker, CancellationToken cancellationToken)
        {
            var route = RouteOf(options);
            var (_, page) = await _stacks.ReadPinnedAsync(stack, (pinned, token) => ReadPageAsync(pinned, route, options, marker, token), cancellationToken)
                .ConfigureAwait(false);
            return page;
        }

        /// <summary>The stack's events, or one resource's.</summary>
        private static StackPath RouteOf(EventListOptions options) =>
            options?.ResourceName != null ? HeatRoutes.ResourceEvents(options.ResourceName) : HeatRoutes.Events;

        private async Task<Page<HeatEvent>> ReadPageAsync(StackRef stack, StackPath route, EventListOptions options, string? marker, CancellationToken cancellationToken)
        {
            options = options ?? new EventListOptions();
            var query = Query.From(options);
            if (marker != null) query.Add(Query.Pair("marker", marker));
            var page = await _api.GetPageAsync<HeatEvent>(Query.Append(route.At(stack), query), "events", options.PageSize, e => e.Id, cancellationToken).ConfigureAwait(false);
            return new Page<HeatEvent>(page.Items.Select(e => e.Locate(stack.StackName, stack.StackId)).ToList(), page.NextMarker);
        }

        /// <summary>Every event, page after page; with a <paramref name="marker"/>, only those after it (how a wait
        /// follows a stack without reading its history again). The stack is looked up once, not once a page.</summary>
        public IEnumerable<HeatEvent> List(StackRef stack, EventListOptions options, CancellationToken cancellationToken, string? marker = null)
        {
            var pinned = new PinnedStack(stack, RouteOf(options));
            return HeatApi.Paginate((next, token) => pinned.ReadPageAsync(this, options, next, token), e => e.Id, marker, cancellationToken);
        }

        /// <summary>Every event (after <paramref name="marker"/>), gathered asynchronously: for waits and other work
        /// off the pipeline thread, where <see cref="List"/> would block a pool thread.</summary>
        internal async Task<List<HeatEvent>> ListAllAsync(StackRef stack, EventListOptions options, CancellationToken cancellationToken, string? marker = null)
        {
            var pinned = new PinnedStack(stack, RouteOf(options));
            return await HeatApi.CollectAsync((next, token) => pinned.ReadPageAsync(this, options, next, token), e => e.Id, marker, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The newest event's id (null when there is none): a marker after which only what follows is read.</summary>
        public async Task<string?> NewestIdAsync(StackRef stack, CancellationToken cancellationToken)
        {
            var page = await ListPageAsync(stack, new EventListOptions { SortDirection = "desc", PageSize = 1 }, null, cancellationToken).ConfigureAwait(false);
            return page.Items.Count > 0 ? page.Items[0].Id : null;
        }

        /// <summary>One event, which Heat addresses through its resource.</summary>
        public async Task<HeatEvent> GetAsync(StackRef stack, string resourceName, string eventId, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Event(resourceName, eventId);
            var (at, found) = await _stacks.ReadPinnedAsync(stack,
                (pinned, token) => _api.GetAsync<HeatEvent>(route.At(pinned), "event", token), cancellationToken).ConfigureAwait(false);
            return found.Locate(at.StackName, at.StackId);
        }

        /// <summary>A listing's stack: looked up with its first page, then read at that name and id for the rest.</summary>
        private sealed class PinnedStack
        {
            private readonly StackPath _route;
            private StackRef _stack;

            public PinnedStack(StackRef stack, StackPath route)
            {
                _stack = stack;
                _route = route;
            }

            public async Task<Page<HeatEvent>> ReadPageAsync(EventsClient events, EventListOptions options, string? marker, CancellationToken cancellationToken)
            {
                var (at, page) = await events._stacks.ReadPinnedAsync(_stack, (pinned, token) => events.ReadPageAsync(pinned, _route, options, marker, token), cancellationToken)
                    .ConfigureAwait(false);
                _stack = at;
                return page;
            }
        }
    }
}
