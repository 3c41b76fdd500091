namespace Heat.Client.Models
{
    /// <summary>
    /// One thing an update would change, from Heat's preview joined with a diff of the templates and parameters: a
    /// resource (Added, Replaced, Updated, Deleted, Unchanged; one row per property that changes) or a parameter (Added,
    /// Removed, Changed, Unchanged, or Unknown for a hidden one Heat does not show). Hidden values are never shown.
    /// </summary>
    public sealed class HeatStackDifference
    {
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        /// <summary>Resource or Parameter.</summary>
        public string? Kind { get; set; }

        /// <summary>The resource's or the parameter's name.</summary>
        public string? Name { get; set; }

        public string? Change { get; set; }

        public string? ResourceType { get; set; }

        /// <summary>The property that changes, as a path (<c>properties.value</c>, <c>depends_on</c>); null for the whole resource.</summary>
        public string? Property { get; set; }

        /// <summary>What Heat holds now (compact JSON for structures); "(hidden)" for a hidden parameter.</summary>
        public string? Before { get; set; }

        /// <summary>What the update would make it.</summary>
        public string? After { get; set; }

        /// <summary>For a resource of a nested stack (-ShowNested): that stack's name.</summary>
        public string? NestedStackName { get; set; }

        /// <summary>The action (update or replace) this change needs and the stack's environment restricts
        /// (restricted_actions): Heat would fail the update on it, and Update-HeatStack refuses to send it.</summary>
        public string? Restricted { get; set; }

        public override string ToString() => Property == null ? $"{Change} {Kind} {Name}" : $"{Change} {Kind} {Name}.{Property}";
    }
}
