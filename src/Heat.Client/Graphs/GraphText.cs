using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// What the Mermaid and Dot writers share: identifiers that never carry a resource's own text (n0, n1 ... and c0,
    /// c1 ...), the order nodes and clusters are written in, and label text reduced to characters that are inert in
    /// both languages. Names and types come from Heat or from someone else's template: escaped, a quote, a bracket, a
    /// newline or "%%" in one cannot end a label and start syntax of its own.
    /// </summary>
    internal sealed class GraphText
    {
        private readonly Dictionary<string, string> _nodeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _clusterIds = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly ILookup<string, HeatGraphNode> _nodesByCluster;
        private readonly ILookup<string, HeatGraphCluster> _clustersByParent;

        public GraphText(HeatGraph graph)
        {
            Graph = graph;
            for (int i = 0; i < graph.Nodes.Count; i++) _nodeIds[graph.Nodes[i].Id] = "n" + i.ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < graph.Clusters.Count; i++)
            {
                if (!_clusterIds.ContainsKey(graph.Clusters[i].Id)) _clusterIds[graph.Clusters[i].Id] = "c" + i.ToString(CultureInfo.InvariantCulture);
            }
            _nodesByCluster = graph.Nodes.ToLookup(n => n.ClusterId != null && _clusterIds.ContainsKey(n.ClusterId) ? n.ClusterId : string.Empty, StringComparer.Ordinal);
            _clustersByParent = graph.Clusters.Where(c => NodesIn(c.Id).Any())
                .ToLookup(c => c.ParentId != null && _clusterIds.ContainsKey(c.ParentId) ? c.ParentId : string.Empty, StringComparer.Ordinal);
        }

        public HeatGraph Graph { get; }

        public string? NodeIdOf(string? nodeId) => nodeId != null && _nodeIds.TryGetValue(nodeId, out var id) ? id : null;

        public string? ClusterIdOf(string? clusterId) => clusterId != null && _clusterIds.TryGetValue(clusterId, out var id) ? id : null;

        /// <summary>The nodes directly in a cluster (null: the top stack).</summary>
        public IEnumerable<HeatGraphNode> NodesIn(string? clusterId) => _nodesByCluster[clusterId ?? string.Empty];

        /// <summary>The clusters directly inside a cluster (null: the top stack); an empty cluster is not drawn.</summary>
        public IEnumerable<HeatGraphCluster> ClustersIn(string? clusterId) => _clustersByParent[clusterId ?? string.Empty];

        /// <summary>Every cluster that is drawn, outer first.</summary>
        public IEnumerable<HeatGraphCluster> DrawnClusters => _clustersByParent.SelectMany(g => g);

        /// <summary>The lines of a node's label: its name, its type (a child template's file name, not its whole URL), its status.</summary>
        public static IEnumerable<string> LabelLines(HeatGraphNode node)
        {
            yield return node.ResourceName ?? node.Id ?? string.Empty;
            if (!Strings.IsNullOrEmpty(node.ResourceType)) yield return ShortType(node.ResourceType);
            if (!Strings.IsNullOrEmpty(node.ResourceStatus)) yield return node.ResourceStatus;
        }

        /// <summary>"failed", "inprogress" or null: how a node stands out.</summary>
        public static string? StatusClass(HeatGraphNode node)
        {
            if (node.IsFailed) return "failed";
            return HeatStatus.IsIn(node.ResourceStatus, HeatStatus.InProgress) ? "inprogress" : null;
        }

        private static string ShortType(string type)
        {
            if (type.IndexOf("://", StringComparison.Ordinal) < 0) return type;
            var path = type.Split('?', '#')[0].TrimEnd('/');
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        /// <summary>
        /// <paramref name="text"/> with every character outside a small inert set written by <paramref name="encode"/>
        /// (which gets the code point). Control and format characters (newlines, bidi overrides) and lone surrogates
        /// become U+FFFD first: they would reorder or break a line, and show as nothing.
        /// </summary>
        public static string Escape(string text, Func<int, string> encode)
        {
            var result = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                int codePoint;
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                    i++;
                }
                else
                {
                    var c = text[i];
                    var category = CharUnicodeInfo.GetUnicodeCategory(c);
                    codePoint = char.IsSurrogate(c) || category == UnicodeCategory.Control || category == UnicodeCategory.Format ||
                                category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator
                        ? 0xFFFD
                        : c;
                }
                result.Append(IsInert(codePoint) ? ((char)codePoint).ToString() : encode(codePoint));
            }
            return result.ToString();
        }

        private static bool IsInert(int c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == ' ' || c == '_' || c == '.' || c == ',' || c == ':' || c == '/' || c == '-' || c == '+' || c == '=' || c == '@';
    }
}
