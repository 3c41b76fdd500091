using System.Linq;
using System.Text;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// A <see cref="HeatGraph"/> as a Mermaid flowchart: the text inside a <c>```mermaid</c> block, which GitHub and
    /// Azure DevOps render. "A --> B" means B depends on A; a nested stack is a subgraph joined to its resource by a
    /// dotted line; failed resources are red, those in progress amber. Identifiers are n0, c0 ...; labels are quoted
    /// with every other character written as Mermaid's entity code (<c>#34;</c>), so a name cannot close its label.
    /// </summary>
    public static class MermaidWriter
    {
        public static string Write(HeatGraph graph)
        {
            var text = new GraphText(graph);
            var output = new StringBuilder();
            output.Append("flowchart LR\n");
            output.Append("  %% An arrow A --> B means B depends on A: A is created first and deleted last.\n");
            WriteLevel(text, null, "  ", output);
            foreach (var cluster in text.DrawnClusters)
            {
                output.Append("  ").Append(text.NodeIdOf(cluster.Id)).Append(" -.- ").Append(text.ClusterIdOf(cluster.Id)).Append('\n');
            }
            foreach (var edge in graph.Edges)
            {
                output.Append("  ").Append(text.NodeIdOf(edge.From)).Append(" --> ").Append(text.NodeIdOf(edge.To)).Append('\n');
            }
            var failed = graph.Nodes.Where(n => GraphText.StatusClass(n) == "failed").Select(n => text.NodeIdOf(n.Id)).ToList();
            var running = graph.Nodes.Where(n => GraphText.StatusClass(n) == "inprogress").Select(n => text.NodeIdOf(n.Id)).ToList();
            if (failed.Count > 0)
            {
                output.Append("  classDef failed fill:#f8d0d0,stroke:#c00000,stroke-width:2px,color:#000\n");
                output.Append("  class ").Append(string.Join(",", failed)).Append(" failed\n");
            }
            if (running.Count > 0)
            {
                output.Append("  classDef inprogress fill:#fff2cc,stroke:#bf9000,color:#000\n");
                output.Append("  class ").Append(string.Join(",", running)).Append(" inprogress\n");
            }
            return output.ToString();
        }

        private static void WriteLevel(GraphText text, string? clusterId, string indent, StringBuilder output)
        {
            foreach (var node in text.NodesIn(clusterId))
            {
                output.Append(indent).Append(text.NodeIdOf(node.Id)).Append("[\"")
                    .Append(string.Join("<br>", GraphText.LabelLines(node).Select(Label))).Append("\"]\n");
            }
            foreach (var cluster in text.ClustersIn(clusterId))
            {
                output.Append(indent).Append("subgraph ").Append(text.ClusterIdOf(cluster.Id)).Append(" [\"").Append(Label(cluster.Label ?? cluster.Id)).Append("\"]\n");
                WriteLevel(text, cluster.Id, indent + "  ", output);
                output.Append(indent).Append("end\n");
            }
        }

        /// <summary>Mermaid's entity codes: "#" followed by the decimal code point and ";".</summary>
        internal static string Label(string value) => GraphText.Escape(value ?? string.Empty, c => "#" + c + ";");
    }
}
