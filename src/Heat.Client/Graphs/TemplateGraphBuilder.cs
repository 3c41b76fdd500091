using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Graphs
{
    /// <summary>
    /// The graph of a template before it is deployed, as Heat would work out its dependencies: each resource's
    /// <c>depends_on</c>, and every <c>get_resource</c> and <c>get_attr</c> in its properties and metadata (outputs
    /// make no dependency); for CloudFormation templates <c>DependsOn</c>, <c>Ref</c> to a resource and
    /// <c>Fn::GetAtt</c>. A resource whose type is a child template (directly, or through the environment's
    /// resource_registry) becomes a cluster of the child's resources; a ResourceGroup or AutoScalingGroup becomes a
    /// cluster holding one member, whose own template is followed the same way.
    /// </summary>
    public static class TemplateGraphBuilder
    {
        /// <summary>More nodes than this and the graph stops growing (with a warning): no picture is readable beyond it,
        /// and a child used by many resources at many levels multiplies.</summary>
        public const int MaxNodes = 2000;

        private static readonly string[] GroupTypes = { "OS::Heat::ResourceGroup", "OS::Heat::AutoScalingGroup" };

        /// <param name="bundle">A loaded template: children and registry entries are absolute URLs keying its files.</param>
        /// <param name="maxDepth">Levels of nested stacks to follow; 0 for the top template only.</param>
        public static HeatGraph Build(TemplateBundle bundle, int maxDepth = TemplateLimits.MaxNestingDepth)
        {
            if (bundle == null) throw new ArgumentNullException(nameof(bundle));
            var source = bundle.SourceUrl == null ? "(template text)" : HeatUrl.Display(bundle.SourceUrl);
            var graph = new HeatGraph { Name = NameOf(bundle.SourceUrl), Source = source };
            var walk = new Walk(graph, bundle, Math.Max(0, maxDepth));
            if (bundle.Template is JObject template) walk.AddTemplate(template, null, 0, new List<string> { bundle.SourceUrl ?? string.Empty });
            else graph.Warn("The template itself was not read (" + (bundle.TemplateUrl ?? "no template") + "): the graph is empty.");
            return graph;
        }

        private static string NameOf(string? url)
        {
            if (url == null) return "(template text)";
            var path = url.Split('?', '#')[0].TrimEnd('/');
            var slash = path.LastIndexOf('/');
            return Uri.UnescapeDataString(slash < 0 ? path : path.Substring(slash + 1));
        }

        private sealed class Walk
        {
            private readonly HeatGraph _graph;
            private readonly TemplateBundle _bundle;
            private readonly int _maxDepth;
            private readonly JObject? _registry;

            public Walk(HeatGraph graph, TemplateBundle bundle, int maxDepth)
            {
                _graph = graph;
                _bundle = bundle;
                _maxDepth = maxDepth;
                _registry = bundle.Environment?["resource_registry"] as JObject;
            }

            /// <summary>Adds a template's resources in <paramref name="cluster"/> (null: the top), then their children.</summary>
            public void AddTemplate(JObject template, HeatGraphCluster? cluster, int depth, List<string> chain)
            {
                var cfn = TemplateFormat.IsCloudFormation(template);
                if (!(template[cfn ? "Resources" : "resources"] is JObject resources)) return;
                var parameters = new HashSet<string>((template[cfn ? "Parameters" : "parameters"] as JObject)?.Properties().Select(p => p.Name)
                                                     ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
                var nodes = new Dictionary<string, HeatGraphNode>(StringComparer.Ordinal);
                var definitions = new List<KeyValuePair<HeatGraphNode, JObject>>();
                foreach (var resource in resources.Properties())
                {
                    if (!Room()) return;
                    var definition = resource.Value as JObject ?? new JObject();
                    var node = _graph.AddNode(new HeatGraphNode
                    {
                        Id = cluster == null ? resource.Name : cluster.Id + "/" + resource.Name,
                        ResourceName = resource.Name,
                        ResourceType = TypeOf(definition, cfn),
                        ClusterId = cluster?.Id,
                    });
                    nodes[resource.Name] = node;
                    definitions.Add(new KeyValuePair<HeatGraphNode, JObject>(node, definition));
                }
                foreach (var pair in definitions)
                {
                    foreach (var reference in TemplateReferences.Of(pair.Value, cfn, parameters))
                    {
                        if (nodes.TryGetValue(reference.Key, out var required)) _graph.AddEdge(required, pair.Key, reference.Value);
                    }
                }
                foreach (var pair in definitions) AddNested(pair.Key, pair.Value, cfn, depth, chain);
            }

            /// <summary>The nested stack a resource makes, if any: a child template's resources, or a group's member.</summary>
            private void AddNested(HeatGraphNode owner, JObject definition, bool cfn, int depth, List<string> chain)
            {
                var type = owner.ResourceType;
                var childUrl = ChildTemplateOf(type);
                var group = childUrl == null ? GroupType(type) : null;
                if (childUrl == null && group == null) return;
                if (depth >= _maxDepth)
                {
                    _graph.Warn($"Nested stacks more than {_maxDepth} level(s) down are not drawn.");
                    return;
                }
                if (childUrl == null)
                {
                    // A group, the one other kind of nested stack.
                    var member = (definition[cfn ? "Properties" : "properties"] as JObject)?[group == GroupTypes[0] ? "resource_def" : "resource"] as JObject;
                    if (member == null || !Room()) return;
                    var groupCluster = NewCluster(owner, depth + 1, null);
                    // One member stands for all: the count is often a parameter, and every member has the same graph.
                    var memberNode = _graph.AddNode(new HeatGraphNode
                    {
                        Id = owner.Id + "/" + (group == GroupTypes[0] ? "%index%" : "member"),
                        ResourceName = group == GroupTypes[0] ? "%index%" : "member",
                        ResourceType = TypeOf(member, false),
                        ClusterId = groupCluster.Id,
                    });
                    AddNested(memberNode, member, false, depth + 1, chain);
                    return;
                }
                if (chain.Contains(childUrl))
                {
                    _graph.Warn($"{owner.Id}: its template {HeatUrl.Display(childUrl)} includes itself; drawn once.");
                    return;
                }
                if (!_bundle.Files.TryGetValue(childUrl, out var text))
                {
                    _graph.Warn($"{owner.Id}: its template {HeatUrl.Display(childUrl)} was not read (no session to fetch it), so its resources are not drawn.");
                    return;
                }
                JObject? child;
                try
                {
                    child = HeatJson.Parse(text) as JObject;
                }
                catch (JsonException)
                {
                    child = null;
                }
                if (child == null)
                {
                    _graph.Warn($"{owner.Id}: its template {HeatUrl.Display(childUrl)} is not a template the loader parsed; not drawn.");
                    return;
                }
                var cluster = NewCluster(owner, depth + 1, childUrl);
                AddTemplate(child, cluster, depth + 1, new List<string>(chain) { childUrl });
            }

            private HeatGraphCluster NewCluster(HeatGraphNode owner, int depth, string? templateUrl)
            {
                var cluster = new HeatGraphCluster { Id = owner.Id, Label = owner.ResourceName, ParentId = owner.ClusterId, Depth = depth, TemplateUrl = templateUrl };
                _graph.AddCluster(cluster);
                return cluster;
            }

            /// <summary>The child template's URL for a type that is one (a key of the files) or that the registry maps to one.</summary>
            private string? ChildTemplateOf(string? type)
            {
                if (type == null) return null;
                if (_bundle.Files.ContainsKey(type) || IsUnreadUrl(type)) return type;
                var mapped = Registered(type);
                return mapped != null && (_bundle.Files.ContainsKey(mapped) || IsUnreadUrl(mapped)) ? mapped : null;
            }

            /// <summary>A group type, directly or through one registry alias (<c>My::Group: OS::Heat::ResourceGroup</c>).</summary>
            private string? GroupType(string? type)
            {
                if (type == null) return null;
                if (GroupTypes.Contains(type)) return type;
                var mapped = Registered(type);
                return mapped != null && GroupTypes.Contains(mapped) ? mapped : null;
            }

            private string? Registered(string type) => _registry?[type].AsText();

            private bool IsUnreadUrl(string type) => _bundle.UncheckedUrls.Contains(type);

            private bool Room()
            {
                if (_graph.Nodes.Count < MaxNodes) return true;
                _graph.Warn($"The graph stops at {MaxNodes} resources; the rest is not drawn (fewer nested levels draw fewer resources).");
                return false;
            }

            private static string? TypeOf(JObject definition, bool cfn) => definition[cfn ? "Type" : "type"].AsText();
        }
    }
}
