using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>Resources that depend on each other in a circle (depends_on, get_resource, get_attr): Heat refuses the
    /// template ("Circular Dependency Found").</summary>
    public sealed class DependencyCycleRule : TemplateRule
    {
        public override string Name => "HeatDependencyCycle";

        public override string Description => "Resources depend on each other in a circle through depends_on, get_resource or get_attr.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            var resources = document.Resources;
            var edges = resources.Properties().ToDictionary(p => p.Name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var resource in resources.Properties())
            {
                if (!(resource.Value is JObject definition)) continue;
                foreach (var name in AnalyzedTemplate.DependsOn(definition).Select(t => (string)t!))
                {
                    if (edges.ContainsKey(name)) edges[resource.Name].Add(name);
                }
            }
            foreach (var call in document.Calls.Where(c => c.Section == "resources" || c.Section == "Resources"))
            {
                if (!(call.Function is "get_resource" or "get_attr" or "Fn::GetAtt" or "Ref") || !(call.TargetName is string target) || !edges.ContainsKey(target)) continue;
                var owner = OwnerOf(call.Call, resources);
                if (owner != null) edges[owner].Add(target);
            }
            // Each group of resources that reach each other (a strongly connected component) is one finding.
            foreach (var cycle in Components(edges).Where(c => c.Count > 1 || edges[c[0]].Contains(c[0])))
            {
                var first = cycle.OrderBy(n => n, StringComparer.Ordinal).First();
                yield return Finding(document, resources.Property(first)?.Value, first,
                    $"Resources depend on each other in a circle: {string.Join(", ", cycle.OrderBy(n => n, StringComparer.Ordinal))}; Heat refuses the template (Circular Dependency Found).",
                    "Remove one of the dependencies (a depends_on, or a get_resource or get_attr that is not needed).");
            }
        }

        /// <summary>Tarjan's strongly connected components, without recursion (a long chain of resources must not
        /// overflow the stack).</summary>
        private static List<List<string>> Components(Dictionary<string, SortedSet<string>> edges)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var result = new List<List<string>>();
            int next = 0;
            foreach (var root in edges.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (index.ContainsKey(root)) continue;
                var work = new Stack<(string Node, IEnumerator<string> Children)>();
                index[root] = low[root] = next++;
                stack.Push(root);
                onStack.Add(root);
                work.Push((root, edges[root].GetEnumerator()));
                while (work.Count > 0)
                {
                    var (node, children) = work.Peek();
                    if (children.MoveNext())
                    {
                        var child = children.Current;
                        if (!index.TryGetValue(child, out var childIndex))
                        {
                            index[child] = low[child] = next++;
                            stack.Push(child);
                            onStack.Add(child);
                            work.Push((child, edges[child].GetEnumerator()));
                        }
                        else if (onStack.Contains(child))
                        {
                            low[node] = Math.Min(low[node], childIndex);
                        }
                        continue;
                    }
                    work.Pop();
                    if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[node]);
                    if (low[node] != index[node]) continue;
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }
            }
            return result;
        }

        private static string? OwnerOf(JToken token, JObject resources)
        {
            for (var at = token; at != null; at = at.Parent)
            {
                if (at is JProperty property && property.Parent == resources) return property.Name;
            }
            return null;
        }
    }
}
