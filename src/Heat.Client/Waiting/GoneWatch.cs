using System;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// For a deletion waited for until the stack has left Heat's list (<see cref="StackWatchOptions.UntilGone"/>: its
    /// name is free again only then). Heat lists a stack for a moment after it shows DELETE_COMPLETE; a stack still
    /// listed <see cref="Grace"/> after that is taken as deleted anyway, so a list that never changes ends the wait.
    /// </summary>
    internal sealed class GoneWatch
    {
        public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

        private readonly bool _untilGone;
        private DateTime? _since;

        public GoneWatch(bool untilGone)
        {
            _untilGone = untilGone;
        }

        /// <summary>Whether the list must be asked before this final state ends the wait.</summary>
        public bool MustLeaveList(HeatStack seen) => _untilGone && seen.StackStatus == HeatStatus.DeleteComplete;

        /// <summary>Since when a deleted stack has been seen still listed; null while it has not.</summary>
        public bool IsWaitingForList => _since != null;

        /// <summary>Seen still listed at <paramref name="now"/>: whether to stop waiting for the list and end with what was seen.</summary>
        public bool StillListed(DateTime now)
        {
            _since = _since ?? now;
            return now - _since.Value > Grace;
        }
    }
}
