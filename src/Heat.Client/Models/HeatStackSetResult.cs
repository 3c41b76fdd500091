using System;
using System.Collections.Generic;

namespace Heat.Client.Models
{
    /// <summary>What Set-HeatStack did to one stack: Created, Updated or Unchanged, the stack, what differed from what Heat
    /// held, and the changes Heat previewed.</summary>
    public sealed class HeatStackSetResult
    {
        public HeatStackSetResult(string operation, HeatStack stack, IReadOnlyList<HeatResourceChange> changes, IReadOnlyList<string>? differences = null)
        {
            Operation = operation;
            Stack = stack;
            Changes = changes;
            Differences = differences ?? Array.Empty<string>();
        }

        /// <summary>Created, Updated or Unchanged.</summary>
        public string Operation { get; }

        public HeatStack Stack { get; }

        public string? StackName => Stack?.StackName;

        public string? StackId => Stack?.Id;

        public string? StackStatus => Stack?.StackStatus;

        /// <summary>For an update, what Heat's preview said would change (Unchanged ones included).</summary>
        public IReadOnlyList<HeatResourceChange> Changes { get; }

        /// <summary>For an update, why: what differed between the definition and what Heat held (<c>tags</c>,
        /// <c>parameter flavor</c>, <c>template: resources.web</c> ...), or the failed status that was retried.</summary>
        public IReadOnlyList<string> Differences { get; }

        public override string ToString() => $"{Operation} {StackName}";
    }
}
