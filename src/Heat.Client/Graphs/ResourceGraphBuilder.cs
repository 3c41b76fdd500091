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

        public static HeatGraph Build(string? stackName, string? stackId, IEnumerable<HeatResource> resources)
        {
            // A resource without a name cannot be drawn or depended on: each is kept with the name it has.
            var list = new List<(HeatResource Resource, string Name)>();
            foreach (var resource in resources ?? Enumerable.Empty<HeatResource>())
            {
                if (resource?.ResourceName is string name) list.Add((resource, name));
            }
            var owners = new Dictionary<string, (string Name, string? StackId)>(StringComparer.Ordinal);
            foreach (var (resource, name) in list)
            {
                if (resource.NestedStackId != null && resource.NestedStackId != resource.StackId) owners[resource.NestedStackId] = (name, resource.StackId);
            }
            var paths = new StackPaths(owners);
            var nestedStacks = new HashSet<string>(list.Select(r => r.Resource.StackId).OfType<string>().Where(owners.ContainsKey), StringComparer.Ordinal);
            var root = list.Select(r => r.Resource).FirstOrDefault(r => paths.ClusterOf(r.StackId) == null);

            var graph = new HeatGraph
            {
                Name = stackName ?? root?.StackName ?? stackId,
                StackName = root?.StackName ?? stackName,
                StackId = root?.StackId ?? stackId,
            };
            // Sorted by path: Heat's list order varies between calls, a saved Mermaid or Dot file should not.
            var byStackAndName = new Dictionary<string, HeatGraphNode>(StringComparer.Ordinal);
            foreach (var (resource, name) in list.OrderBy(r => paths.PathOf(r.Resource.StackId, r.Name), StringComparer.Ordinal))
            {
                var node = graph.AddNode(new HeatGraphNode
                {
                    Id = paths.PathOf(resource.StackId, name),
                    ResourceName = name,
                    ResourceType = resource.ResourceType,
                    ResourceStatus = resource.ResourceStatus,
                    ResourceStatusReason = resource.ResourceStatusReason,
                    ClusterId = paths.ClusterOf(resource.StackId),
                    StackName = resource.StackName,
                    StackId = resource.StackId,
                });
                byStackAndName[Key(resource.StackId, name)] = node;
                if (resource.NestedStackId != null && nestedStacks.Contains(resource.NestedStackId))
                {
                    var nestedName = list.First(r => r.Resource.StackId == resource.NestedStackId).Resource.StackName;
                    graph.AddCluster(new HeatGraphCluster
                    {
                        Id = node.Id,
                        Label = name,
                        ParentId = node.ClusterId,
                        Depth = paths.DepthOf(resource.NestedStackId),
                        StackName = nestedName,
                        StackId = resource.NestedStackId,
                    });
                }
            }
            foreach (var (resource, name) in list)
            {
                var required = byStackAndName[Key(resource.StackId, name)];
                foreach (var dependent in resource.RequiredBy ?? new HeatNameList(null))
                {
                    // A name Heat lists that is not in this stack's list (filtered out, or gone) draws nothing, as in heatclient.
                    if (byStackAndName.TryGetValue(Key(resource.StackId, dependent), out var node)) graph.AddEdge(required, node, "required_by");
                }
            }
            return graph;
        }

        private static string Key(string? stackId, string name) => (stackId ?? string.Empty) + "\0" + name;

        /// <summary>The path of each stack from the top: the owning resources' names, outermost first.</summary>
        private sealed class StackPaths
        {
            private readonly Dictionary<string, (string Name, string? StackId)> _owners;
            private readonly Dictionary<string, List<string>> _chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);

            public StackPaths(Dictionary<string, (string Name, string? StackId)> owners) => _owners = owners;

            /// <summary>The cluster id of a stack (its owner's path), or null for the top stack.</summary>
            public string? ClusterOf(string? stackId)
            {
                var chain = ChainOf(stackId);
                return chain.Count == 0 ? null : string.Join("/", chain);
            }

            public int DepthOf(string? stackId) => ChainOf(stackId).Count;

            public string PathOf(string? stackId, string name)
            {
                var cluster = ClusterOf(stackId);
                return cluster == null ? name : cluster + "/" + name;
            }

            private List<string> ChainOf(string? stackId)
            {
                if (stackId == null) return new List<string>();
                if (_chains.TryGetValue(stackId, out var known)) return known;
                var names = new List<string>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                string? current = stackId;
                while (current != null && seen.Add(current) && names.Count < MaxChain && _owners.TryGetValue(current, out var owner))
                {
                    names.Insert(0, owner.Name);
                    current = owner.StackId;
                }
                _chains[stackId] = names;
                return names;
            }
        }
    }
}
