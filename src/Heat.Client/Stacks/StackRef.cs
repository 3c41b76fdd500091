using System;
using Heat.Client.Internal;

namespace Heat.Client.Stacks
{
    /// <summary>A stack by name, id or both. With both, no lookup redirect is needed.</summary>
    public sealed class StackRef
    {
        private readonly string _text;

        public StackRef(string? stackName, string? stackId)
        {
            StackName = Strings.IsNullOrEmpty(stackName) ? null : stackName;
            StackId = Strings.IsNullOrEmpty(stackId) ? null : stackId;
            _text = StackName ?? StackId ?? throw new ArgumentException("A stack needs a name or an id.");
        }

        public static StackRef FromNameOrId(string nameOrId) => new StackRef(nameOrId, null);

        public string? StackName { get; }

        public string? StackId { get; }

        /// <summary>The name, or the id when there is no name: never empty.</summary>
        public override string ToString() => _text;

        /// <summary>Two references to the same name and id are the same stack (they key the waits of one command).</summary>
        public override bool Equals(object obj) =>
            obj is StackRef other && string.Equals(StackName, other.StackName, StringComparison.Ordinal) && string.Equals(StackId, other.StackId, StringComparison.Ordinal);

        public override int GetHashCode() => ((StackName?.GetHashCode() ?? 0) * 397) ^ (StackId?.GetHashCode() ?? 0);
    }
}
