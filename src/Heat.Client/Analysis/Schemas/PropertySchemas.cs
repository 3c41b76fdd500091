using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Schemas
{
    /// <summary>The properties a resource takes and the attributes it gives, from its type's schema or its child
    /// template, and the walk over a resource's literal properties that the property rules share.</summary>
    internal static class PropertySchemas
    {
        /// <summary>How deep literal maps and lists are followed into a property's schema.</summary>
        private const int MaxDepth = 8;

        /// <summary>The properties the resource's type takes; null when nothing is known of the type.</summary>
        public static Dictionary<string, SchemaProperty>? For(AnalyzedTemplate document, string resource)
        {
            var type = document.TypeOf(resource);
            if (type?.Child != null)
            {
                var parameters = (type.Child["parameters"] ?? type.Child["Parameters"]) as JObject ?? new JObject();
                return parameters.Properties().ToDictionary(p => p.Name, p => new SchemaProperty
                {
                    HasDefault = (p.Value as JObject)?["default"] != null || (p.Value as JObject)?["Default"] != null || document.EnvironmentDefaults.Contains(p.Name),
                    Required = true,
                }, StringComparer.Ordinal);
            }
            return type == null ? null : document.Schemas?.Find(type.Name)?.Properties;
        }

        /// <summary>Whether <paramref name="attribute"/> of <paramref name="resource"/> exists; null when it cannot be told.</summary>
        public static bool? HasAttribute(AnalyzedTemplate document, string resource, string attribute)
        {
            var type = document.TypeOf(resource);
            if (type?.Child != null)
            {
                var outputs = (type.Child["outputs"] ?? type.Child["Outputs"]) as JObject ?? new JObject();
                return outputs[attribute] != null || attribute == "OS::stack_id" || attribute == "show" || attribute.StartsWith("resource.", StringComparison.Ordinal);
            }
            var info = type == null ? null : document.Schemas?.Find(type.Name);
            if (info == null || info.OpenAttributes) return null;
            return info.Attributes.Contains(attribute) || attribute == "show";
        }

        /// <summary>
        /// Every literal property under <paramref name="properties"/> with its schema (null when the schema does not
        /// have it) and its dotted path, and every map the schema gives keys for, so a rule can find what is missing.
        /// A function call's value is not followed: what it gives is known only to Heat.
        /// </summary>
        public static IEnumerable<(string Path, JProperty Property, SchemaProperty? Schema, IReadOnlyDictionary<string, SchemaProperty> Siblings)> Walk(
            JObject properties, Dictionary<string, SchemaProperty> schema)
        {
            var stack = new Stack<(JObject Map, Dictionary<string, SchemaProperty> Schema, string Prefix, int Depth)>();
            stack.Push((properties, schema, string.Empty, 0));
            while (stack.Count > 0)
            {
                var (map, known, prefix, depth) = stack.Pop();
                if (IsCall(map)) continue;
                foreach (var property in map.Properties())
                {
                    known.TryGetValue(property.Name, out var child);
                    yield return (prefix + property.Name, property, child, known);
                    if (child == null || depth >= MaxDepth || child.Children.Count == 0) continue;
                    if (property.Value is JObject nested && child.Type == "map") stack.Push((nested, child.Children, prefix + property.Name + ".", depth + 1));
                    if (property.Value is JArray items && child.Type == "list" && child.Children.TryGetValue("*", out var item) && item.Type == "map" && item.Children.Count > 0)
                    {
                        for (int i = 0; i < items.Count; i++)
                        {
                            if (items[i] is JObject element) stack.Push((element, item.Children, $"{prefix}{property.Name}[{i}].", depth + 1));
                        }
                    }
                }
            }
        }

        /// <summary>The maps of literal values under the resource's properties whose schema names their keys, with their path.</summary>
        public static IEnumerable<(string Path, JObject Map, Dictionary<string, SchemaProperty> Schema)> Maps(JObject properties, Dictionary<string, SchemaProperty> schema)
        {
            yield return (string.Empty, properties, schema);
            foreach (var (path, property, child, _) in Walk(properties, schema))
            {
                if (child == null || child.Children.Count == 0) continue;
                if (property.Value is JObject nested && child.Type == "map" && !IsCall(nested)) yield return (path + ".", nested, child.Children);
                if (property.Value is JArray items && child.Type == "list" && child.Children.TryGetValue("*", out var item) && item.Type == "map" && item.Children.Count > 0)
                {
                    for (int i = 0; i < items.Count; i++)
                    {
                        if (items[i] is JObject element && !IsCall(element)) yield return ($"{path}[{i}].", element, item.Children);
                    }
                }
            }
        }

        /// <summary>A one-key map whose key is a function of any template version: Heat resolves it, so its keys are not properties.</summary>
        public static bool IsCall(JObject map) => map.Count == 1 && FunctionCall.IsFunctionName(map.Properties().First().Name);
    }
}
