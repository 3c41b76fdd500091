using System.Collections.Generic;

namespace Heat.Client.Models
{
    /// <summary>What Set-HeatStack did to one stack: Created, Updated or Unchanged, the stack, and the changes Heat previewed.</summary>
    public sealed class HeatStackSetResult
    {
        public HeatStackSetResult(string operation, HeatStack stack, IReadOnlyList<HeatResourceChange> changes)
        {
            Operation = operation;
            Stack = stack;
            Changes = changes;
        }

        /// <summary>Created, Updated or Unchanged.</summary>
        public string Operation { get; }

        public HeatStack Stack { get; }

        public string StackName => Stack?.StackName;

        public string StackId => Stack?.Id;

        public string StackStatus => Stack?.StackStatus;

        /// <summary>For an update, what Heat's preview said would change (Unchanged ones included).</summary>
        public IReadOnlyList<HeatResourceChange> Changes { get; }

        public override string ToString() => $"{Operation} {StackName}";
    }
}
