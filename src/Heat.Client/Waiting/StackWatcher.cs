using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// The one wait loop for a stack, as heatclient's poll_for_events: read the events after a marker (never the whole
    /// history again), end on the stack's own event with a final status, and read the stack itself after two quiet polls
    /// or when its event says it is done. A service above the stack, event, resource and hook clients (none of them
    /// knows it). Each wait is a <see cref="StackWatch"/>; this class holds what they share and their reads, each of
    /// which takes a Heat that does not answer for a while (a restart) as no news.
    /// </summary>
    internal sealed class StackWatcher
    {
        private readonly StackReader _stacks;
        private readonly EventsClient _events;
        private readonly ResourcesClient _resources;
        private readonly HooksClient _hooks;
        private readonly ListedProbe _listed;
        private readonly Action<string>? _trace;

        public StackWatcher(StackReader stacks, EventsClient events, ResourcesClient resources, HooksClient hooks, Action<string>? trace)
        {
            _stacks = stacks;
            _events = events;
            _resources = resources;
            _hooks = hooks;
            _trace = trace;
            _listed = new ListedProbe(ListedIdsAsync);
        }

        public Task<HeatStack> WatchAsync(StackRef stack, StackWatchOptions options, Action<StackProgress> onProgress, CancellationToken cancellationToken) =>
            new StackWatch(this, stack, options ?? new StackWatchOptions(), onProgress).RunAsync(cancellationToken);

        /// <summary>What a wait answers for a stack Heat no longer has.</summary>
        internal static HeatStack Gone(StackRef stack) =>
            new HeatStack { StackName = stack.StackName, Id = stack.StackId, StackStatus = HeatStatus.DeleteComplete, StackStatusReason = "Heat no longer has this stack." };

        /// <summary>The stack now (without its outputs); null when Heat has none. A Heat that does not answer is asked again
        /// until the deadline, which then ends the wait as a timeout naming the status last seen.</summary>
        internal async Task<HeatStack?> ReadStackAsync(StackRef stack, Deadline deadline, TimeSpan interval, HeatStack? lastSeen, CancellationToken cancellationToken)
        {
            var backoff = new Backoff(interval);
            while (true)
            {
                try
                {
                    return await _stacks.GetAsync(stack, cancellationToken, resolveOutputs: false).ConfigureAwait(false);
                }
                catch (HeatNotFoundException)
                {
                    return null;
                }
                catch (HeatException e) when (IsPassing(e))
                {
                    var remaining = deadline.Remaining(DateTime.UtcNow);
                    if (remaining <= TimeSpan.Zero) throw deadline.Unanswered(stack, lastSeen, e);
                    _trace?.Invoke($"Heat did not answer about '{stack}' ({e.Message}); still waiting.");
                    await Task.Delay(backoff.Before(remaining), cancellationToken).ConfigureAwait(false);
                    backoff.Grow();
                }
            }
        }

        /// <summary>
        /// The final stack with its outputs: polls skip computing them (resolve_outputs=False, cheaper), but a script that
        /// waited for a stack reads <c>$stack.Outputs</c> next. A deleted stack has none to read.
        /// </summary>
        internal async Task<HeatStack> InFullAsync(HeatStack seen, StackRef stack, CancellationToken cancellationToken)
        {
            if (seen.StackStatus == HeatStatus.DeleteComplete) return seen;
            try
            {
                return await _stacks.GetAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e) || e is HeatNotFoundException)
            {
                _trace?.Invoke($"Could not read '{stack}' with its outputs ({e.Message}); writing it as the wait last saw it.");
                return seen;
            }
        }

        /// <summary>The events after <paramref name="marker"/> (oldest first); null when Heat did not answer this time;
        /// Gone when Heat no longer has the stack.</summary>
        internal async Task<(bool Gone, List<HeatEvent>? Fresh)> EventsAfterAsync(StackRef stack, string? marker, int? nestedDepth, CancellationToken cancellationToken)
        {
            try
            {
                return (false, await _events.ListAllAsync(stack, new EventListOptions { NestedDepth = nestedDepth }, cancellationToken, marker).ConfigureAwait(false));
            }
            catch (HeatNotFoundException)
            {
                return (true, null);
            }
            catch (HeatException e) when (IsPassing(e))
            {
                _trace?.Invoke($"Heat did not answer about '{stack}' ({e.Message}); still waiting.");
                return (false, null);
            }
        }

        internal async Task<IReadOnlyList<HeatStackHook>> PendingHooksAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _hooks.PendingAsync(stack, 0, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e) || e is HeatNotFoundException)
            {
                _trace?.Invoke($"Could not look for hooks of '{stack}' ({e.Message}).");
                return Array.Empty<HeatStackHook>();
            }
        }

        internal async Task<string?> NewestEventAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _events.NewestIdAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e) || e is HeatNotFoundException)
            {
                _trace?.Invoke($"Could not read the newest event of '{stack}' ({e.Message}); reading from the start.");
                return null;
            }
        }

        internal async Task<int> CountResourcesAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return (await _resources.ListAsync(stack, new ResourceListOptions(), cancellationToken).ConfigureAwait(false)).Count;
            }
            catch (HeatException e) when (!(e is HeatSessionClosedException))
            {
                _trace?.Invoke($"Could not count the resources of '{stack}' ({e.Message}).");
                return 0;
            }
        }

        /// <summary>Whether the stack list still shows this stack (Heat shows a deleted stack by id for ever, and lists it
        /// for a moment after it reports DELETE_COMPLETE). Waits that ask at about the same time share one listing
        /// (<see cref="ListedProbe"/>). A list Heat does not answer counts as still listed: the wait goes on.</summary>
        internal async Task<bool> StillListedAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _listed.IsListedAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e))
            {
                _trace?.Invoke($"Heat did not answer the list ({e.Message}); still waiting.");
                return true;
            }
        }

        /// <summary>The ids Heat lists under any of these names: one page, since a name lists at most one live stack.</summary>
        private async Task<IReadOnlyCollection<string>> ListedIdsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
        {
            var options = new StackListOptions { PageSize = ListedProbe.MaxNames };
            foreach (var name in names) options.Names.Add(name);
            var page = await _stacks.ListPageAsync(options, null, cancellationToken).ConfigureAwait(false);
            return new HashSet<string>(page.Items.Select(s => s.Id).OfType<string>(), StringComparer.Ordinal);
        }

        private static bool IsPassing(HeatException e) => e.IsTransient && !(e is HeatSessionClosedException);
    }
}
