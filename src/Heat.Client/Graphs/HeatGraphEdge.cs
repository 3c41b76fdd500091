using System;

namespace Heat.Client.Graphs
{
    /// <summary>A dependency: <see cref="To"/> depends on <see cref="From"/> (From is created first, deleted last).</summary>
    public sealed class HeatGraphEdge
    {
        /// <summary>The <see cref="HeatGraphNode.Id"/> of the resource that is required.</summary>
        public string From { get; set; } = string.Empty;

        /// <summary>The <see cref="HeatGraphNode.Id"/> of the resource that requires it.</summary>
        public string To { get; set; } = string.Empty;

        /// <summary>
        /// Where the dependency comes from: <c>required_by</c> (a deployed stack), or the template's <c>depends_on</c>,
        /// <c>get_resource</c>, <c>get_attr</c>, <c>DependsOn</c>, <c>Ref</c>, <c>Fn::GetAtt</c>.
        /// </summary>
        public string[] Via { get; set; } = Array.Empty<string>();

        public override string ToString() => From + " -> " + To;
    }
}
