using System;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// How long a wait sleeps between polls: from the first interval (1 s), 1.5 times longer after each poll while
    /// nothing happens, up to ten times the first. News brings it back within five first intervals (heatclient polls
    /// every 5 s): look again soon, but not every second for a long action.
    /// </summary>
    internal sealed class Backoff
    {
        private readonly TimeSpan _first;

        public Backoff(TimeSpan first)
        {
            _first = first;
            Current = first;
        }

        public TimeSpan Current { get; private set; }

        public void Grow() => Current = TimeSpan.FromTicks(Math.Min((long)(Current.Ticks * 1.5), _first.Ticks * 10));

        public void News()
        {
            if (Current.Ticks > _first.Ticks * 5) Current = TimeSpan.FromTicks(_first.Ticks * 5);
        }

        /// <summary>Waiting for something that takes a moment (a deleted stack to leave the list): half the first interval.</summary>
        public void Hurry() => Current = TimeSpan.FromTicks(_first.Ticks / 2);

        /// <summary>The next sleep: <see cref="Current"/>, but never past what remains of the wait.</summary>
        public TimeSpan Before(TimeSpan remaining) => Current < remaining ? Current : remaining;
    }
}
