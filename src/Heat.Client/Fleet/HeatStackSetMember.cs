namespace Heat.Client.Fleet
{
    /// <summary>One target of a stack set as it stands: its stack there, and whether that stack still matches the
    /// definition.</summary>
    public sealed class HeatStackSetMember
    {
        /// <summary>The target's place in the definition, from 1.</summary>
        public int Target { get; set; }

        public string Cloud { get; set; } = string.Empty;

        public string? Region { get; set; }

        public string? Project { get; set; }

        public string StackName { get; set; } = string.Empty;

        public string? StackId { get; set; }

        public string? StackStatus { get; set; }

        /// <summary>
        /// InSync (a member converged from this definition as it is), Outdated (a member, converged from another version
        /// of it), Missing (no such stack), NotMember (a stack of that name that the set did not make), Unreachable (the
        /// cloud could not be asked).
        /// </summary>
        public string State { get; set; } = string.Empty;

        public string? Reason { get; set; }

        public override string ToString() => $"{State} {StackName} in {Cloud}";
    }
}
