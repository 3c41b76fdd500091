using System;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// When a wait gives up: its timeout from its start. A Heat that does not answer is no news until then; the last
    /// sleep ends at the deadline and one more look follows, so a wait uses all of its time. Past it, the wait ends as
    /// a <see cref="HeatWaitTimeoutException"/> naming the status last seen.
    /// </summary>
    internal sealed class Deadline
    {
        private readonly DateTime _at;

        public Deadline(DateTime start, TimeSpan timeout)
        {
            _at = start + timeout;
            Timeout = timeout;
        }

        public TimeSpan Timeout { get; }

        public TimeSpan Remaining(DateTime now) => _at - now;

        public bool HasPassed(DateTime now) => Remaining(now) <= TimeSpan.Zero;

        /// <summary>Still in progress: <paramref name="status"/> is the newest status seen (an event's, or the stack's).</summary>
        public HeatWaitTimeoutException StillInProgress(StackRef stack, string? status, HeatStack? lastSeen) =>
            new HeatWaitTimeoutException($"Stack '{stack}' is still {status ?? "unknown"} after {Durations.Describe(Timeout)}.", stack, status, Timeout, lastSeen);

        /// <summary>Heat did not answer before the deadline.</summary>
        public HeatWaitTimeoutException Unanswered(StackRef stack, HeatStack? lastSeen, HeatException error) =>
            new HeatWaitTimeoutException(
                $"Stack '{stack}' was last seen {lastSeen?.StackStatus ?? "(never)"}; Heat did not answer before the timeout of {Durations.Describe(Timeout)}: {error.Message}",
                stack, lastSeen?.StackStatus, Timeout, lastSeen, error);
    }
}
