using System;
using System.Collections.Generic;

namespace Heat.Client.Fleet
{
    /// <summary>What converging one target of a stack set did: where, to which stack, what was done, how it ended.</summary>
    public sealed class HeatStackSetTargetResult
    {
        /// <summary>The target's place in the definition, from 1.</summary>
        public int Target { get; set; }

        public string Cloud { get; set; } = string.Empty;

        public string? Region { get; set; }

        public string? Project { get; set; }

        public string StackName { get; set; } = string.Empty;

        public string? StackId { get; set; }

        /// <summary>Created, Updated, Unchanged, Failed or Skipped.</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>The stack's status when the target ended (null when it was skipped or never reached).</summary>
        public string? StackStatus { get; set; }

        /// <summary>Why it failed or was skipped, in Heat's words where Heat said it.</summary>
        public string? Reason { get; set; }

        /// <summary>What differed from the definition (for an update).</summary>
        public IReadOnlyList<string> Differences { get; set; } = Array.Empty<string>();

        public TimeSpan Duration { get; set; }

        public override string ToString() => $"{Action} {StackName} in {Cloud}";
    }
}
