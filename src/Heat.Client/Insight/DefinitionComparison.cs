using System.Collections.Generic;

namespace Heat.Client.Insight
{
    /// <summary>Whether a full update would change what Heat holds for a stack, and what would change.</summary>
    public sealed class DefinitionComparison
    {
        internal DefinitionComparison(IReadOnlyList<string> differences)
        {
            Differences = differences;
        }

        /// <summary>True when the update would change anything Heat holds (or something cannot be compared).</summary>
        public bool Differs => Differences.Count > 0;

        /// <summary>
        /// What differs, one part a line: <c>template: resources.web</c>, <c>files: child.yaml (changed)</c>,
        /// <c>parameter flavor</c>, <c>parameter default count</c>, <c>environment: resource_registry</c>, <c>tags</c>,
        /// <c>timeout</c>, <c>rollback</c>; a hidden parameter Heat holds in the environment's parameters reads
        /// <c>parameter NAME (hidden: ...)</c>. Names only: never a value.
        /// </summary>
        public IReadOnlyList<string> Differences { get; }

        public override string ToString() => Differs ? string.Join(", ", Differences) : "no difference";
    }
}
