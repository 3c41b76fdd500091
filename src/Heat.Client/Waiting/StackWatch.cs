using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// One wait for one stack: the loop that polls events after the <see cref="EventMarker"/> and reads the stack when
    /// <see cref="QuietPolls"/> or the stack's own final event says so, until <see cref="ActionGrace"/> takes a final
    /// state for the answer, <see cref="HookWatch"/> finds it stuck at hooks, <see cref="GoneWatch"/> sees it leave the
    /// list, or the <see cref="Deadline"/> passes; sleeping by <see cref="Backoff"/> in between. The rules are those
    /// units; this class only runs them in order and reports what it sees.
    /// </summary>
    internal sealed class StackWatch
    {
        private readonly StackWatcher _reads;
        private readonly StackWatchOptions _options;
        private readonly Action<StackProgress> _onProgress;
        private readonly Deadline _deadline;
        private readonly ActionGrace _grace;
        private readonly Backoff _backoff;
        private readonly QuietPolls _quiet = new QuietPolls();
        private readonly HookWatch _hooks = new HookWatch();
        private readonly GoneWatch _gone;
        private readonly ResourceTally _tally = new ResourceTally();
        private readonly StackProgress _progress;
        private StackRef _stack;
        private HeatStack? _lastSeen;

        public StackWatch(StackWatcher reads, StackRef stack, StackWatchOptions options, Action<StackProgress> onProgress)
        {
            _reads = reads;
            _options = options;
            _onProgress = onProgress;
            var started = DateTime.UtcNow;
            _deadline = new Deadline(started, options.Timeout);
            _grace = new ActionGrace(options, started);
            _backoff = new Backoff(options.PollInterval);
            _gone = new GoneWatch(options.UntilGone);
            _stack = stack;
            _progress = new StackProgress { Stack = stack };
        }

        public async Task<HeatStack> RunAsync(CancellationToken cancellationToken)
        {
            var first = await _reads.ReadStackAsync(_stack, _deadline, _options.PollInterval, null, cancellationToken).ConfigureAwait(false);
            if (first == null) return StackWatcher.Gone(_stack);
            _lastSeen = first;
            _stack = new StackRef(first.StackName ?? _stack.StackName, first.Id ?? _stack.StackId);
            _progress.Stack = _stack;
            _progress.StackStatus = first.StackStatus;
            if (_grace.EndsOnFirstRead(first, DateTime.UtcNow) &&
                !(_gone.MustLeaveList(first) && await _reads.StillListedAsync(_stack, cancellationToken).ConfigureAwait(false)))
            {
                Report();
                return await _reads.InFullAsync(first, _stack, cancellationToken).ConfigureAwait(false);
            }
            var marker = await EventMarker.StartAsync(_options, () => _reads.NewestEventAsync(_stack, cancellationToken)).ConfigureAwait(false);
            _progress.ResourcesTotal = await _reads.CountResourcesAsync(_stack, cancellationToken).ConfigureAwait(false);
            Report();

            while (true)
            {
                bool readStack = _quiet.StackReadDue;
                var (gone, fresh) = await _reads.EventsAfterAsync(_stack, marker.Value, _options.NestedDepth, cancellationToken).ConfigureAwait(false);
                if (gone) return StackWatcher.Gone(_stack);
                if (fresh != null && fresh.Count > 0) readStack |= SawEvents(fresh, marker);
                else _quiet.Quiet();

                if (readStack)
                {
                    if (await ReadStackAsync(cancellationToken).ConfigureAwait(false) is HeatStack final) return final;
                }
                await SleepAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Takes in a batch of new events; returns whether the stack's own event says it reached a final state.</summary>
        private bool SawEvents(List<HeatEvent> fresh, EventMarker marker)
        {
            marker.MovePast(fresh);
            _quiet.News();
            _backoff.News();
            _tally.Observe(fresh, _stack);
            _hooks.Observe(fresh);
            _progress.NewEvents = fresh;
            _progress.LatestEvent = fresh[fresh.Count - 1];
            _progress.ResourcesDone = _tally.Done;
            bool final = false;
            var own = OwnEvents.Last(fresh, _stack);
            if (own != null)
            {
                _grace.SawOwnEvent();
                _progress.StackStatus = own.ResourceStatus;
                final = !HeatStatus.IsIn(own.ResourceStatus, HeatStatus.InProgress);
            }
            Report();
            _progress.NewEvents = Array.Empty<HeatEvent>();
            return final;
        }

        /// <summary>Reads the stack and applies the rules that end a wait: gone, stuck at hooks, a final state that is the
        /// answer. The stack to answer with when the wait ends; null while it goes on.</summary>
        private async Task<HeatStack?> ReadStackAsync(CancellationToken cancellationToken)
        {
            _quiet.StackRead();
            var seen = await _reads.ReadStackAsync(_stack, _deadline, _options.PollInterval, _lastSeen, cancellationToken).ConfigureAwait(false);
            if (seen == null) return StackWatcher.Gone(_stack);
            _lastSeen = seen;
            if (seen.StackStatus != _progress.StackStatus)
            {
                _progress.StackStatus = seen.StackStatus;
                Report();
            }
            if (_hooks.ShouldAsk(seen))
            {
                // Quiet from the start: the stack may have stopped at hooks before this wait began, where the events
                // after the marker cannot show it. Ask once (the events of the current action).
                _hooks.Asked(await _reads.PendingHooksAsync(_stack, cancellationToken).ConfigureAwait(false));
            }
            if (_hooks.IsStuck(seen)) throw new HeatStackPausedException(_stack, _hooks.Paused, seen);
            if (!_grace.Ends(seen, DateTime.UtcNow)) return null;
            if (!_gone.MustLeaveList(seen) || !await _reads.StillListedAsync(_stack, cancellationToken).ConfigureAwait(false))
            {
                return await _reads.InFullAsync(seen, _stack, cancellationToken).ConfigureAwait(false);
            }
            if (_gone.StillListed(DateTime.UtcNow)) return seen;
            _quiet.ReadStackNext();
            _backoff.Hurry();
            return null;
        }

        /// <summary>Sleeps until the next poll; the last sleep ends at the deadline, and a wait past it is a timeout.</summary>
        private async Task SleepAsync(CancellationToken cancellationToken)
        {
            var remaining = _deadline.Remaining(DateTime.UtcNow);
            if (remaining <= TimeSpan.Zero)
            {
                if (_progress.StackStatus != null && _lastSeen != null) _lastSeen.StackStatus = _progress.StackStatus;
                throw _deadline.StillInProgress(_stack, _progress.StackStatus, _lastSeen);
            }
            await Task.Delay(_backoff.Before(remaining), cancellationToken).ConfigureAwait(false);
            if (!_gone.IsWaitingForList) _backoff.Grow();
        }

        private void Report() => _onProgress?.Invoke(_progress);
    }
}
