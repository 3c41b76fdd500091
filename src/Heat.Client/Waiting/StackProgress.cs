using System;
using System.Collections.Generic;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>What a wait has seen of one stack so far: its status, its newest events, how many resources are done.</summary>
    public sealed class StackProgress
    {
        public StackRef? Stack { get; internal set; }

        public string? StackStatus { get; internal set; }

        /// <summary>The events read since the last report, oldest first.</summary>
        public IReadOnlyList<HeatEvent> NewEvents { get; internal set; } = Array.Empty<HeatEvent>();

        /// <summary>The newest event seen, of any resource.</summary>
        public HeatEvent? LatestEvent { get; internal set; }

        /// <summary>Top-level resources whose latest event during this wait is *_COMPLETE.</summary>
        public int ResourcesDone { get; internal set; }

        /// <summary>Top-level resources the stack had when the wait began (0 when unknown).</summary>
        public int ResourcesTotal { get; internal set; }
    }
}
