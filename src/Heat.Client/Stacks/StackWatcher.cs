using Heat.Client.Internal;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;

namespace Heat.Client.Stacks
{
    /// <summary>
    /// The one wait loop for a stack, as heatclient's poll_for_events: read the events after a marker (never the whole
    /// history again), end on the stack's own event with a final status, and read the stack itself after two quiet polls
    /// or when its event says it is done. Backoff from 1 s to 10 s while nothing happens. A Heat that stops answering
    /// for a while (a restart) is waited for until the deadline.
    /// </summary>
    internal sealed class StackWatcher
    {
        private static readonly TimeSpan GoneGrace = TimeSpan.FromSeconds(15);

        private readonly StacksClient _stacks;
        private readonly EventsClient _events;
        private readonly ResourcesClient _resources;
        private readonly HooksClient _hooks;
        private readonly Action<string> _trace;

        public StackWatcher(StacksClient stacks, EventsClient events, ResourcesClient resources, HooksClient hooks, Action<string> trace)
        {
            _stacks = stacks;
            _events = events;
            _resources = resources;
            _hooks = hooks;
            _trace = trace;
        }

        public async Task<HeatStack> WatchAsync(StackRef stack, StackWatchOptions options, Action<StackProgress> onProgress, CancellationToken cancellationToken)
        {
            options = options ?? new StackWatchOptions();
            var deadline = DateTime.UtcNow + options.Timeout;
            var started = DateTime.UtcNow;
            var progress = new StackProgress { Stack = stack };
            var latestByResource = new Dictionary<string, string>(StringComparer.Ordinal);
            var pausedAt = new Dictionary<string, HeatStackHook>(StringComparer.Ordinal);
            bool hooksAsked = false;

            var first = await TryGetAsync(stack, deadline, options.PollInterval, null, options, cancellationToken).ConfigureAwait(false);
            if (first == null) return Gone(stack);
            var lastSeen = first;
            stack = new StackRef(first.StackName ?? stack.StackName, first.Id ?? stack.StackId);
            progress.Stack = stack;
            progress.StackStatus = first.StackStatus;
            // With a marker from before the action, a final state read now may be the one before the action: only the
            // stack's own event after the marker (or the grace) ends the wait.
            bool ownEventSeen = !options.AfterAction;
            if (ownEventSeen && IsDone(first, options, started) &&
                !(options.UntilGone && first.StackStatus == "DELETE_COMPLETE" && await StillListedAsync(stack, cancellationToken).ConfigureAwait(false)))
            {
                onProgress?.Invoke(progress);
                return await InFullAsync(first, stack, cancellationToken).ConfigureAwait(false);
            }
            var marker = options.Marker ?? (options.IsNew ? null : await NewestEventAsync(stack, cancellationToken).ConfigureAwait(false));
            progress.ResourcesTotal = await CountResourcesAsync(stack, cancellationToken).ConfigureAwait(false);
            onProgress?.Invoke(progress);

            var delay = options.PollInterval;
            int quietPolls = 0;
            DateTime? goneSince = null;
            while (true)
            {
                bool checkStack = quietPolls >= 2;
                List<HeatEvent> fresh = null;
                try
                {
                    fresh = await _events.ListAllAsync(stack, new EventListOptions { NestedDepth = options.NestedDepth }, cancellationToken, marker).ConfigureAwait(false);
                }
                catch (HeatNotFoundException)
                {
                    return Gone(stack);
                }
                catch (HeatException e) when (IsPassing(e))
                {
                    _trace?.Invoke($"Heat did not answer about '{stack}' ({e.Message}); still waiting.");
                }
                if (fresh != null && fresh.Count > 0)
                {
                    marker = fresh[fresh.Count - 1].Id ?? marker;
                    quietPolls = 0;
                    // Things are happening: look again soon, but not every second for a long action (heatclient polls
                    // every 5 s); nothing happening: back off further, to ten times the first interval.
                    delay = delay.Ticks > options.PollInterval.Ticks * 5 ? TimeSpan.FromTicks(options.PollInterval.Ticks * 5) : delay;
                    foreach (var evt in fresh.Where(e => e.StackId == stack.StackId && !IsStackEvent(e, stack)))
                    {
                        latestByResource[evt.ResourceName ?? string.Empty] = evt.ResourceStatus;
                    }
                    foreach (var evt in fresh)
                    {
                        if (!StackHooks.TryRead(evt.ResourceStatusReason, out var hook, out var paused)) continue;
                        var key = (evt.StackId ?? string.Empty) + "/" + evt.ResourceName;
                        if (paused) pausedAt[key] = new HeatStackHook { StackName = evt.StackName, StackId = evt.StackId, ResourceName = evt.ResourceName, HookType = hook, Since = evt.EventTime };
                        else pausedAt.Remove(key);
                    }
                    progress.NewEvents = fresh;
                    progress.LatestEvent = fresh[fresh.Count - 1];
                    progress.ResourcesDone = latestByResource.Values.Count(s => s != null && s.EndsWith("_COMPLETE", StringComparison.Ordinal));
                    var own = fresh.LastOrDefault(e => IsStackEvent(e, stack));
                    if (own != null)
                    {
                        ownEventSeen = true;
                        progress.StackStatus = own.ResourceStatus;
                        checkStack |= !IsInProgress(own.ResourceStatus);
                    }
                    onProgress?.Invoke(progress);
                    progress.NewEvents = new HeatEvent[0];
                }
                else
                {
                    quietPolls++;
                }

                if (checkStack)
                {
                    quietPolls = 0;
                    var seen = await TryGetAsync(stack, deadline, options.PollInterval, lastSeen, options, cancellationToken).ConfigureAwait(false);
                    if (seen == null) return Gone(stack);
                    lastSeen = seen;
                    if (seen.StackStatus != progress.StackStatus)
                    {
                        progress.StackStatus = seen.StackStatus;
                        onProgress?.Invoke(progress);
                    }
                    if (seen.IsInProgress && pausedAt.Count == 0 && !hooksAsked && _hooks != null)
                    {
                        // Quiet from the start: the stack may have stopped at hooks before this wait began, where the
                        // events after the marker cannot show it. Ask once (the events of the current action).
                        hooksAsked = true;
                        foreach (var hook in await PendingHooksAsync(stack, cancellationToken).ConfigureAwait(false))
                        {
                            pausedAt[(hook.StackId ?? string.Empty) + "/" + hook.ResourceName] = hook;
                        }
                    }
                    if (seen.IsInProgress && pausedAt.Count > 0)
                    {
                        // Two quiet polls and resources stopped at hooks: only someone clearing them moves the stack on.
                        throw new HeatStackPausedException(stack, pausedAt.Values.ToList(), seen);
                    }
                    if (IsDone(seen, options, started) && (ownEventSeen || DateTime.UtcNow - started > options.NotBegunGrace))
                    {
                        if (!options.UntilGone || seen.StackStatus != "DELETE_COMPLETE" || !await StillListedAsync(stack, cancellationToken).ConfigureAwait(false))
                        {
                            return await InFullAsync(seen, stack, cancellationToken).ConfigureAwait(false);
                        }
                        goneSince = goneSince ?? DateTime.UtcNow;
                        if (DateTime.UtcNow - goneSince.Value > GoneGrace) return seen;
                        quietPolls = 2;
                        delay = TimeSpan.FromTicks(options.PollInterval.Ticks / 2);
                    }
                }
                // The last sleep ends at the deadline and one more look follows: a wait uses all of its time.
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    if (progress.StackStatus != null) lastSeen.StackStatus = progress.StackStatus;
                    throw new HeatWaitTimeoutException($"Stack '{stack}' is still {progress.StackStatus ?? "unknown"} after {Durations.Describe(options.Timeout)}.", lastSeen);
                }
                await Task.Delay(delay < remaining ? delay : remaining, cancellationToken).ConfigureAwait(false);
                if (goneSince == null) delay = Grow(delay, options.PollInterval);
            }
        }

        /// <summary>
        /// The final stack with its outputs: polls skip computing them (resolve_outputs=False, cheaper), but a script that
        /// waited for a stack reads <c>$stack.Outputs</c> next. A deleted stack has none to read.
        /// </summary>
        private async Task<HeatStack> InFullAsync(HeatStack seen, StackRef stack, CancellationToken cancellationToken)
        {
            if (seen.StackStatus == "DELETE_COMPLETE") return seen;
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

        /// <summary>The stack's own events name the stack as their resource, with the stack's id as physical id.</summary>
        internal static bool IsStackEvent(HeatEvent evt, StackRef stack) =>
            evt.ResourceName == stack.StackName && (evt.PhysicalResourceId == stack.StackId || string.IsNullOrEmpty(evt.PhysicalResourceId));

        private static bool IsInProgress(string status) => status != null && status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);

        /// <summary>Final, and of an awaited action (or past the grace for an action that never began).</summary>
        private static bool IsDone(HeatStack stack, StackWatchOptions options, DateTime started)
        {
            if (stack.IsInProgress) return false;
            if (options.Actions.Count == 0 || options.Actions.Contains(stack.Action)) return true;
            return DateTime.UtcNow - started > options.NotBegunGrace;
        }

        private static HeatStack Gone(StackRef stack) =>
            new HeatStack { StackName = stack.StackName, Id = stack.StackId, StackStatus = "DELETE_COMPLETE", StackStatusReason = "Heat no longer has this stack." };

        /// <summary>The stack now; null when Heat has none. A Heat that does not answer is asked again until the
        /// deadline, which then ends the wait as a timeout naming the status last seen.</summary>
        private async Task<HeatStack> TryGetAsync(StackRef stack, DateTime deadline, TimeSpan interval, HeatStack lastSeen, StackWatchOptions options,
            CancellationToken cancellationToken)
        {
            var delay = interval;
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
                    var remaining = deadline - DateTime.UtcNow;
                    if (remaining <= TimeSpan.Zero)
                    {
                        throw new HeatWaitTimeoutException(
                            $"Stack '{stack}' was last seen {lastSeen?.StackStatus ?? "(never)"}; Heat did not answer before the timeout of {Durations.Describe(options.Timeout)}: {e.Message}",
                            lastSeen, e);
                    }
                    _trace?.Invoke($"Heat did not answer about '{stack}' ({e.Message}); still waiting.");
                    await Task.Delay(delay < remaining ? delay : remaining, cancellationToken).ConfigureAwait(false);
                    delay = Grow(delay, interval);
                }
            }
        }

        private async Task<IReadOnlyList<HeatStackHook>> PendingHooksAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _hooks.PendingAsync(stack, 0, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e) || e is HeatNotFoundException)
            {
                _trace?.Invoke($"Could not look for hooks of '{stack}' ({e.Message}).");
                return new HeatStackHook[0];
            }
        }

        private async Task<string> NewestEventAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                var page = await _events.ListPageAsync(stack, new EventListOptions { SortDirection = "desc", PageSize = 1 }, null, cancellationToken).ConfigureAwait(false);
                return page.Items.FirstOrDefault()?.Id;
            }
            catch (HeatException e) when (IsPassing(e) || e is HeatNotFoundException)
            {
                _trace?.Invoke($"Could not read the newest event of '{stack}' ({e.Message}); reading from the start.");
                return null;
            }
        }

        private async Task<int> CountResourcesAsync(StackRef stack, CancellationToken cancellationToken)
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

        private async Task<bool> StillListedAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _stacks.IsListedAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e))
            {
                // Could not look: count it as still listed, so the wait goes on until Heat answers or the deadline.
                _trace?.Invoke($"Heat did not answer the list ({e.Message}); still waiting.");
                return true;
            }
        }

        private static bool IsPassing(HeatException e) => e.IsTransient && !(e is HeatSessionClosedException);

        private static TimeSpan Grow(TimeSpan delay, TimeSpan first) => TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * 1.5), first.Ticks * 10));
    }
}
