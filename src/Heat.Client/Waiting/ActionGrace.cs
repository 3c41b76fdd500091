using System;
using System.Collections.Generic;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// When a final state is the end of a wait. It must be of an awaited action: a final state of another action means
    /// the awaited one has not begun yet. And right after an action was sent (<see cref="StackWatchOptions.AfterAction"/>)
    /// a final state read may be the one from before it: only the stack's own event after the marker makes it the answer.
    /// Past <see cref="StackWatchOptions.NotBegunGrace"/> either way, the final state seen is the answer.
    /// </summary>
    internal sealed class ActionGrace
    {
        private readonly IList<string> _actions;
        private readonly TimeSpan _grace;
        private readonly DateTime _started;

        public ActionGrace(StackWatchOptions options, DateTime started)
        {
            _actions = options.Actions;
            _grace = options.NotBegunGrace;
            _started = started;
            OwnEventSeen = !options.AfterAction;
        }

        /// <summary>The stack's own event after the marker was read (or no action was just sent).</summary>
        public bool OwnEventSeen { get; private set; }

        public void SawOwnEvent() => OwnEventSeen = true;

        /// <summary>Final, and of an awaited action (or past the grace for an action that never began).</summary>
        public bool IsDone(HeatStack stack, DateTime now)
        {
            if (stack.IsInProgress) return false;
            if (_actions.Count == 0 || (stack.Action != null && _actions.Contains(stack.Action))) return true;
            return PastGrace(now);
        }

        /// <summary>The first read ends the wait at once only when no action was just sent.</summary>
        public bool EndsOnFirstRead(HeatStack first, DateTime now) => OwnEventSeen && IsDone(first, now);

        public bool Ends(HeatStack seen, DateTime now) => IsDone(seen, now) && (OwnEventSeen || PastGrace(now));

        private bool PastGrace(DateTime now) => now - _started > _grace;
    }
}
