using Heat.Client.Models;

namespace Heat.Client.Graphs
{
    /// <summary>One resource of a <see cref="HeatGraph"/>.</summary>
    public sealed class HeatGraphNode
    {
        /// <summary>
        /// The resource's path from the top stack: <c>web</c>, or <c>workers/0/token</c> for a resource of a nested stack
        /// (Heat refuses "/" in a resource name, so a path names one resource).
        /// </summary>
        public string Id { get; set; } = string.Empty;

        public string? ResourceName { get; set; }

        /// <summary>The type as Heat or the template names it (a child template's absolute URL for a template resource).</summary>
        public string? ResourceType { get; set; }

        /// <summary>Heat's status (<c>CREATE_COMPLETE</c> ...); null in a template's graph.</summary>
        public string? ResourceStatus { get; set; }

        public string? ResourceStatusReason { get; set; }

        /// <summary>The <see cref="HeatGraphCluster.Id"/> of the nested stack this resource belongs to; null in the top stack.</summary>
        public string? ClusterId { get; set; }

        /// <summary>The stack the resource belongs to (deployed graphs), so that a node pipes into Get-HeatResource.</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        public bool IsFailed => HeatStatus.IsIn(ResourceStatus, HeatStatus.Failed);

        public override string ToString() => Id;
    }
}
