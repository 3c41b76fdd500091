using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// Where a wait reads events from, as heatclient's poll_for_events: only the events after the marker, so a stack's
    /// history is never read again. It starts at the newest event before the action (given, or asked for), or at the
    /// beginning for a stack this call created, and moves past each batch read.
    /// </summary>
    internal sealed class EventMarker
    {
        public EventMarker(string? start)
        {
            Value = start;
        }

        /// <summary>The id of the last event read; null: read from the first.</summary>
        public string? Value { get; private set; }

        /// <summary>The marker a wait starts at: the one given; none for a new stack (every event is news); else the
        /// newest event now, from <paramref name="newest"/>.</summary>
        public static async Task<EventMarker> StartAsync(StackWatchOptions options, Func<Task<string?>> newest) =>
            new EventMarker(options.Marker ?? (options.IsNew ? null : await newest().ConfigureAwait(false)));

        /// <summary>Moves past events just read (oldest first); an event without an id leaves the marker where it was.</summary>
        public void MovePast(IReadOnlyList<HeatEvent> fresh)
        {
            if (fresh.Count > 0) Value = fresh[fresh.Count - 1].Id ?? Value;
        }
    }
}
