using System;
using System.Collections.Generic;

namespace Heat.Client.Waiting
{
    /// <summary>What a wait waits for.</summary>
    public sealed class StackWatchOptions
    {
        /// <summary>The actions whose end counts (CREATE and ROLLBACK after a create ...); empty: the end of whatever
        /// the stack is doing. A final state of another action means the awaited one has not begun yet.</summary>
        public IList<string> Actions { get; set; } = new List<string>();

        /// <summary>Only events after this one are read (the newest event before the action was sent); null: the
        /// wait asks Heat for the newest event first, so an old stack's history is never read.</summary>
        public string? Marker { get; set; }

        /// <summary>A stack created by this call: every event is news, no marker is needed.</summary>
        public bool IsNew { get; set; }

        /// <summary>
        /// The <see cref="Marker"/> was taken just before an action was sent: a final state read at once may be the one
        /// before the action, so only the stack's own event after the marker (or <see cref="NotBegunGrace"/>) ends the wait.
        /// </summary>
        public bool AfterAction { get; set; }

        /// <summary>Events of nested stacks this many levels down are reported too (they never end the wait).</summary>
        public int? NestedDepth { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

        /// <summary>For a deletion: wait until Heat no longer lists the stack (it lists it for a moment after DELETE_COMPLETE).</summary>
        public bool UntilGone { get; set; }

        /// <summary>How long a final state of another action is taken for "not begun yet" before it is the answer.</summary>
        public TimeSpan NotBegunGrace { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>The first poll interval; it grows 1.5 times while nothing happens, to ten times this. Tests shorten it.</summary>
        internal TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    }
}
