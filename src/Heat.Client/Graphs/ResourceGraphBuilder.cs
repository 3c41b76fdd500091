using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Models;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// The graph of a deployed stack from its resource list (with <c>nested_depth</c>): an edge A → B for each B in A's
    /// <c>required_by</c>, within A's own stack, as heatclient's dot formatter draws it; a cluster for each nested stack
    /// whose resources are in the list, found through the owning resource's "nested" link.
    /// </summary>
    public static class ResourceGraphBuilder
    {
        /// <summary>Deeper than this a chain of owners is taken for a loop (Heat's own limit is 5 by default).</summary>
        private const int MaxChain = 64;

        public static HeatGraph Build(string stackName, string stackId, IEnumerable<HeatResource> resources)
        {
            var list = (resources ?? Enumerable.Empty<HeatResource>()).Where(r => r?.ResourceName != null).ToList();
            var owners = new Dictionary<string, HeatResource>(StringComparer.Ordinal);
            foreach (var resource in list)
            {
                if (resource.NestedStackId != null && resource.NestedStackId != resource.StackId) owners[resource.NestedStackId] = resource;
            }
            var paths = new StackPaths(owners);
            var nestedStacks = new HashSet<string>(list.Where(r => r.StackId != null && owners.ContainsKey(r.StackId)).Select(r => r.StackId), StringComparer.Ordinal);
            var root = list.FirstOrDefault(r => paths.ClusterOf(r.StackId) == null);

            var graph = new HeatGraph
            {
                Name = stackName ?? root?.StackName ?? stackId,
                StackName = root?.StackName ?? stackName,
                StackId = root?.StackId ?? stackId,
            };
            // Sorted by path: Heat's list order varies between calls, a saved Mermaid or Dot file should not.
            var byStackAndName = new Dictionary<string, HeatGraphNode>(StringComparer.Ordinal);
            foreach (var resource in list.OrderBy(r => paths.PathOf(r), StringComparer.Ordinal))
            {
                var node = graph.AddNode(new HeatGraphNode
                {
                    Id = paths.PathOf(resource),
                    ResourceName = resource.ResourceName,
                    ResourceType = resource.ResourceType,
                    ResourceStatus = resource.ResourceStatus,
                    ResourceStatusReason = resource.ResourceStatusReason,
                    ClusterId = paths.ClusterOf(resource.StackId),
                    StackName = resource.StackName,
                    StackId = resource.StackId,
                });
                byStackAndName[Key(resource.StackId, resource.ResourceName)] = node;
                if (resource.NestedStackId != null && nestedStacks.Contains(resource.NestedStackId))
                {
                    var nestedName = list.First(r => r.StackId == resource.NestedStackId).StackName;
                    graph.AddCluster(new HeatGraphCluster
                    {
                        Id = node.Id,
                        Label = resource.ResourceName,
                        ParentId = node.ClusterId,
                        Depth = paths.DepthOf(resource.NestedStackId),
                        StackName = nestedName,
                        StackId = resource.NestedStackId,
                    });
                }
            }
            foreach (var resource in list)
            {
                var required = byStackAndName[Key(resource.StackId, resource.ResourceName)];
                foreach (var dependent in resource.RequiredBy ?? new HeatNameList(null))
                {
                    // A name Heat lists that is not in this stack's list (filtered out, or gone) draws nothing, as in heatclient.
                    if (byStackAndName.TryGetValue(Key(resource.StackId, dependent), out var node)) graph.AddEdge(required, node, "required_by");
                }
            }
            return graph;
        }

        private static string Key(string stackId, string name) => (stackId ?? string.Empty) + "\0" + name;

        /// <summary>The path of each stack from the top: the owning resources' names, outermost first.</summary>
        private sealed class StackPaths
        {
            private readonly Dictionary<string, HeatResource> _owners;
            private readonly Dictionary<string, List<string>> _chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);

            public StackPaths(Dictionary<string, HeatResource> owners) => _owners = owners;

            /// <summary>The cluster id of a stack (its owner's path), or null for the top stack.</summary>
            public string ClusterOf(string stackId)
            {
                var chain = ChainOf(stackId);
                return chain.Count == 0 ? null : string.Join("/", chain);
            }

            public int DepthOf(string stackId) => ChainOf(stackId).Count;

            public string PathOf(HeatResource resource)
            {
                var cluster = ClusterOf(resource.StackId);
                return cluster == null ? resource.ResourceName : cluster + "/" + resource.ResourceName;
            }

            private List<string> ChainOf(string stackId)
            {
                if (stackId == null) return new List<string>();
                if (_chains.TryGetValue(stackId, out var known)) return known;
                var names = new List<string>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var current = stackId;
                while (current != null && seen.Add(current) && names.Count < MaxChain && _owners.TryGetValue(current, out var owner))
                {
                    names.Insert(0, owner.ResourceName);
                    current = owner.StackId;
                }
                _chains[stackId] = names;
                return names;
            }
        }
    }
}
