using System.Linq;
using System.Text;
using Heat.Client.Internal;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// A <see cref="HeatGraph"/> as Graphviz Dot, laid out as heatclient's <c>resource list -f dot</c> is (left to
    /// right, a cluster per nested stack joined to its resource by a dashed line): an arrow A -> B means B depends on A;
    /// failed resources are filled red, those in progress amber. Identifiers are n0, c0 ...; labels are HTML-like
    /// (<c>label=&lt;...&gt;</c>) with every other character a numeric entity, so no quote or backslash escape is
    /// ever in play and a name cannot leave its label.
    /// </summary>
    public static class DotWriter
    {
        public static string Write(HeatGraph graph)
        {
            var text = new GraphText(graph);
            var output = new StringBuilder();
            output.Append("digraph heat {\n");
            output.Append("  // An arrow A -> B means B depends on A: A is created first and deleted last.\n");
            output.Append("  graph [rankdir=LR compound=true fontname=\"Helvetica\" fontsize=10]\n");
            output.Append("  node [shape=box style=rounded fontname=\"Helvetica\" fontsize=10]\n");
            output.Append("  edge [color=\"#555555\"]\n");
            WriteLevel(text, null, "  ", output);
            foreach (var cluster in text.DrawnClusters)
            {
                var first = text.NodesIn(cluster.Id).First();
                output.Append("  ").Append(text.NodeIdOf(cluster.Id)).Append(" -> ").Append(text.NodeIdOf(first.Id))
                    .Append(" [lhead=cluster_").Append(text.ClusterIdOf(cluster.Id)).Append(" style=dashed arrowhead=none color=\"#999999\"]\n");
            }
            foreach (var edge in graph.Edges)
            {
                output.Append("  ").Append(text.NodeIdOf(edge.From)).Append(" -> ").Append(text.NodeIdOf(edge.To)).Append('\n');
            }
            output.Append("}\n");
            return output.ToString();
        }

        private static void WriteLevel(GraphText text, string? clusterId, string indent, StringBuilder output)
        {
            foreach (var node in text.NodesIn(clusterId))
            {
                var lines = GraphText.LabelLines(node).Select(Label).ToList();
                output.Append(indent).Append(text.NodeIdOf(node.Id)).Append(" [label=<").Append(lines[0]);
                foreach (var line in lines.Skip(1)) output.Append("<BR/><FONT POINT-SIZE=\"8\">").Append(line).Append("</FONT>");
                output.Append('>');
                var status = GraphText.StatusClass(node);
                if (status == "failed") output.Append(" style=\"rounded,filled\" fillcolor=\"#f8d0d0\" color=\"#c00000\" penwidth=2");
                else if (status == "inprogress") output.Append(" style=\"rounded,filled\" fillcolor=\"#fff2cc\" color=\"#bf9000\"");
                output.Append("]\n");
            }
            foreach (var cluster in text.ClustersIn(clusterId))
            {
                output.Append(indent).Append("subgraph cluster_").Append(text.ClusterIdOf(cluster.Id)).Append(" {\n");
                output.Append(indent).Append("  label=<").Append(Label(cluster.Label ?? cluster.Id)).Append(">\n");
                output.Append(indent).Append("  style=dashed color=\"#888888\"\n");
                WriteLevel(text, cluster.Id, indent + "  ", output);
                output.Append(indent).Append("}\n");
            }
        }

        /// <summary>
        /// HTML-like label text: numeric character references. Graphviz still reads backslash escapes in the decoded
        /// text (<c>\N</c> is the node's id, <c>\\</c> one backslash), so a backslash is written twice to show as one.
        /// An empty name is one no-break space (Graphviz refuses an empty HTML label).
        /// </summary>
        internal static string Label(string value) =>
            Strings.IsNullOrEmpty(value) ? "&#160;" : GraphText.Escape(value, c => c == '\\' ? "&#92;&#92;" : "&#" + c + ";");
    }
}
