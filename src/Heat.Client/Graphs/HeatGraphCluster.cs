namespace Heat.Client.Graphs
{
    /// <summary>A nested stack inside a <see cref="HeatGraph"/>: the resources of a template resource or of a group.</summary>
    public sealed class HeatGraphCluster
    {
        /// <summary>The <see cref="HeatGraphNode.Id"/> of the resource whose nested stack this is.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>That resource's name.</summary>
        public string? Label { get; set; }

        /// <summary>The cluster the owning resource sits in; null when it is in the top stack.</summary>
        public string? ParentId { get; set; }

        /// <summary>Levels below the top stack: 1 for a nested stack of a top-level resource.</summary>
        public int Depth { get; set; }

        /// <summary>The nested stack (deployed graphs).</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        /// <summary>The child template's absolute URL (template graphs; null for a group of plain resources).</summary>
        public string? TemplateUrl { get; set; }

        public override string ToString() => Id;
    }
}
