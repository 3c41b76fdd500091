using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Schemas
{
    /// <summary>
    /// Resolves each resource's type as Heat would for a create with the same files: the environment's
    /// resource_registry (a resource's own entry under <c>resources</c>, then an exact name, then a wildcard such as
    /// <c>OS::Networking::*</c>), then the loader's files map for a child template.
    /// </summary>
    internal static class TypeResolver
    {
        /// <summary>Registry entries that map to further entries: far beyond any real chain, and it stops a loop.</summary>
        private const int MaxHops = 16;

        public static Dictionary<string, ResolvedType> Resolve(TemplateBundle bundle)
        {
            var resolved = new Dictionary<string, ResolvedType>(StringComparer.Ordinal);
            var template = bundle.Template as JObject;
            var resources = (template?["resources"] ?? template?["Resources"]) as JObject;
            if (resources == null) return resolved;
            var registry = bundle.Environment?["resource_registry"] as JObject;
            foreach (var resource in resources.Properties())
            {
                var definition = resource.Value as JObject;
                if ((definition?["type"] ?? definition?["Type"]) is JValue value && value.Type == JTokenType.String)
                {
                    var name = Follow(registry, resource.Name, (string)value!);
                    resolved[resource.Name] = new ResolvedType(name, Child(bundle, name));
                }
            }
            return resolved;
        }

        private static string Follow(JObject? registry, string resource, string type)
        {
            if (registry == null) return type;
            var own = (registry["resources"] as JObject)?[resource] as JObject;
            for (int hop = 0; hop < MaxHops; hop++)
            {
                var next = Text(own?[type]) ?? Text(registry[type]) ?? Wildcard(registry, type);
                if (next == null || next == type) break;
                type = next;
            }
            return type;
        }

        private static string? Wildcard(JObject registry, string type)
        {
            foreach (var entry in registry.Properties().Where(p => p.Name.EndsWith("*", StringComparison.Ordinal) && p.Value.Type == JTokenType.String))
            {
                var prefix = entry.Name.Substring(0, entry.Name.Length - 1);
                if (!type.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var target = (string)entry.Value!;
                return target.EndsWith("*", StringComparison.Ordinal) ? target.Substring(0, target.Length - 1) + type.Substring(prefix.Length) : target;
            }
            return null;
        }

        private static JObject? Child(TemplateBundle bundle, string type)
        {
            if (!bundle.Files.TryGetValue(type, out var text)) return null;
            try
            {
                return HeatJson.Parse(text) as JObject;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null; // the loader stores a child as its processed JSON; anything else is a plain file, not a template
            }
        }

        private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;
    }
}
