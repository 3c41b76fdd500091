using System;
using System.Collections.Generic;
using System.Linq;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// The dependency graph of a stack or of a template: its resources as nodes, one edge per dependency, and a cluster
    /// for each nested stack (a template resource, a group's members). An edge <c>From → To</c> means <c>To</c> depends
    /// on <c>From</c>: <c>From</c> is created first and deleted last, and Heat lists <c>To</c> in <c>From</c>'s
    /// <c>required_by</c>. That is how <c>openstack stack resource list -f dot</c> draws it too.
    /// </summary>
    public sealed class HeatGraph
    {
        private readonly List<HeatGraphNode> _nodes = new List<HeatGraphNode>();
        private readonly List<HeatGraphEdge> _edges = new List<HeatGraphEdge>();
        private readonly List<HeatGraphCluster> _clusters = new List<HeatGraphCluster>();
        private readonly List<string> _warnings = new List<string>();
        private readonly Dictionary<string, HeatGraphNode> _nodesById = new Dictionary<string, HeatGraphNode>(StringComparer.Ordinal);
        private readonly Dictionary<string, HeatGraphEdge> _edgesByEnds = new Dictionary<string, HeatGraphEdge>(StringComparer.Ordinal);

        /// <summary>The stack's name, or the template's file name.</summary>
        public string? Name { get; set; }

        /// <summary>For a deployed stack: its name and id, so that the graph pipes into the stack cmdlets.</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        /// <summary>For a template: the path or URL it was read from ("(template text)" for text).</summary>
        public string? Source { get; set; }

        /// <summary>The resources, each once; nested ones carry the cluster they sit in.</summary>
        public IReadOnlyList<HeatGraphNode> Nodes => _nodes;

        /// <summary>The dependencies, each pair of nodes once.</summary>
        public IReadOnlyList<HeatGraphEdge> Edges => _edges;

        /// <summary>The nested stacks, outer ones before the ones inside them.</summary>
        public IReadOnlyList<HeatGraphCluster> Clusters => _clusters;

        /// <summary>What the graph leaves out and why (a depth or size bound, a child template that was not read).</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>The resources whose status ends in FAILED.</summary>
        public IReadOnlyList<HeatGraphNode> FailedNodes => _nodes.Where(n => n.IsFailed).ToList();

        /// <summary>The node with this id, or null.</summary>
        public HeatGraphNode? Node(string? id) => id != null && _nodesById.TryGetValue(id, out var node) ? node : null;

        /// <summary>Mermaid flowchart text (see <see cref="MermaidWriter"/>).</summary>
        public string ToMermaid() => MermaidWriter.Write(this);

        /// <summary>Graphviz Dot text (see <see cref="DotWriter"/>).</summary>
        public string ToDot() => DotWriter.Write(this);

        public override string ToString() => Name ?? string.Empty;

        /// <summary>Adds a node; an id already taken (a template may name a resource "a/b") gets a suffix, so ids stay unique.</summary>
        internal HeatGraphNode AddNode(HeatGraphNode node)
        {
            var id = node.Id;
            for (int n = 2; _nodesById.ContainsKey(id); n++) id = node.Id + "~" + n;
            node.Id = id;
            _nodes.Add(node);
            _nodesById[id] = node;
            return node;
        }

        /// <summary>Records that <paramref name="dependent"/> depends on <paramref name="required"/>; one edge per pair, each reason once.</summary>
        internal void AddEdge(HeatGraphNode required, HeatGraphNode dependent, string via)
        {
            if (required == null || dependent == null || ReferenceEquals(required, dependent)) return;
            // The ids hold no NUL (Heat's names and YAML keys cannot carry one through the loader), so it separates them.
            var key = required.Id + "\0" + dependent.Id;
            if (!_edgesByEnds.TryGetValue(key, out var edge))
            {
                edge = new HeatGraphEdge { From = required.Id, To = dependent.Id };
                _edgesByEnds[key] = edge;
                _edges.Add(edge);
            }
            if (!edge.Via.Contains(via)) edge.Via = edge.Via.Concat(new[] { via }).ToArray();
        }

        internal void AddCluster(HeatGraphCluster cluster) => _clusters.Add(cluster);

        internal void Warn(string message)
        {
            if (!_warnings.Contains(message)) _warnings.Add(message);
        }
    }
}
