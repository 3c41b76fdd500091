using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Schemas
{
    /// <summary>
    /// The resource types a cloud offers and the schemas the analyzer checks templates against: read from a file saved
    /// from a cloud (offline runs), or filled from a session as templates need them. A file is what
    /// <c>Get-HeatResourceType * -Schema | ConvertTo-Json -Depth 12</c> writes, or Heat's own schema objects
    /// (<c>openstack orchestration resource type show -f json</c>), one or a list of them.
    /// </summary>
    public sealed class ResourceSchemaCatalog
    {
        /// <summary>How deep property schemas are read: Heat's deepest (a server's block device mappings) is 3.</summary>
        private const int MaxSchemaDepth = 8;

        private readonly Dictionary<string, ResourceTypeInfo> _types = new Dictionary<string, ResourceTypeInfo>(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Every type name the cloud offers, schema read or not.</summary>
        public IReadOnlyCollection<string> Names => _names;

        /// <summary>Whether the cloud offers <paramref name="type"/>.</summary>
        public bool Offers(string type) => _names.Contains(type);

        /// <summary>The type's schema, or null when it is not known (not offered, or not read).</summary>
        public ResourceTypeInfo? Find(string type) => _types.TryGetValue(type, out var info) ? info : null;

        private readonly Dictionary<string, string> _unavailable = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Why the cloud has <paramref name="type"/> but does not let this user have it (policy, or its service is
        /// not in the catalog), when a session asked; null when it was not asked or the cloud has no such type.</summary>
        public string? UnavailableReason(string type) => _unavailable.TryGetValue(type, out var reason) ? reason : null;

        /// <summary>Records a type the cloud has (its schema route knows it) but does not offer to this user.</summary>
        public void AddUnavailable(string type, string reason) => _unavailable[type] = reason;

        /// <summary>
        /// Whether the cloud offers any type in <paramref name="type"/>'s namespace (OS::Keystone:: for
        /// OS::Keystone::Domain). A list read as an ordinary user leaves out whole namespaces that policy reserves for
        /// administrators, or whose service the cloud does not run, though Heat still validates templates that use them;
        /// a type in a namespace the list has is more likely misspelt.
        /// </summary>
        public bool OffersNamespaceOf(string type)
        {
            var end = type.LastIndexOf("::", StringComparison.Ordinal);
            if (end <= 0) return false;
            var prefix = type.Substring(0, end + 2);
            return _names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));
        }

        /// <summary>Adds names the cloud offers whose schemas are read later (or not at all).</summary>
        public void AddNames(IEnumerable<string> names)
        {
            foreach (var name in names) _names.Add(name);
        }

        public void Add(ResourceTypeInfo type)
        {
            _types[type.Name] = type;
            _names.Add(type.Name);
        }

        public void Add(HeatResourceTypeSchema schema)
        {
            if (schema?.ResourceType == null) return;
            var info = new ResourceTypeInfo(schema.ResourceType) { SupportStatus = schema.SupportStatus, SupportMessage = schema.SupportMessage };
            foreach (var property in schema.Properties.Where(p => p.Name != null)) info.Properties[property.Name!] = FromModel(property, 0);
            foreach (var attribute in schema.Attributes.Where(a => a.Name != null)) info.Attributes.Add(attribute.Name!);
            Add(info);
        }

        /// <summary>Reads a saved file's text (<paramref name="source"/> names it in errors).</summary>
        /// <exception cref="FormatException">It is not JSON, or holds no resource type schema.</exception>
        public static ResourceSchemaCatalog FromJson(string text, string source)
        {
            JToken root;
            try
            {
                root = HeatJson.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new FormatException($"{source} is not JSON: {e.Message}", e);
            }
            var catalog = new ResourceSchemaCatalog();
            foreach (var item in root is JArray list ? list.ToList() : new List<JToken> { root })
            {
                if (item is JObject schema && Read(schema) is ResourceTypeInfo info) catalog.Add(info);
            }
            if (catalog._types.Count == 0)
            {
                throw new FormatException($"{source} holds no resource type schema: save one with Get-HeatResourceType * -Schema | ConvertTo-Json -Depth 12.");
            }
            return catalog;
        }

        // Two shapes: PowerShell's (ResourceType, Properties as a list of named entries) and Heat's (resource_type,
        // properties as a map).
        private static ResourceTypeInfo? Read(JObject schema)
        {
            if (Text(schema["ResourceType"]) is string psName)
            {
                var info = new ResourceTypeInfo(psName) { SupportStatus = Text(schema["SupportStatus"]), SupportMessage = Text(schema["SupportMessage"]) };
                foreach (var (name, property) in Named(schema["Properties"])) info.Properties[name] = FromPowerShell(property, 0);
                foreach (var (name, _) in Named(schema["Attributes"])) info.Attributes.Add(name);
                return info;
            }
            if (Text(schema["resource_type"]) is string heatName)
            {
                var support = schema["support_status"] as JObject;
                var info = new ResourceTypeInfo(heatName) { SupportStatus = Text(support?["status"]), SupportMessage = Text(support?["message"]) };
                foreach (var property in (schema["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    if (property.Value is JObject value) info.Properties[property.Name] = FromHeat(value, 0);
                }
                foreach (var attribute in (schema["attributes"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()) info.Attributes.Add(attribute.Name);
                return info;
            }
            return null;
        }

        private static SchemaProperty FromModel(HeatPropertySchema schema, int depth)
        {
            var property = new SchemaProperty { Required = schema.Required, HasDefault = schema.Default != null, Type = schema.Type?.ToLowerInvariant() };
            if (depth < MaxSchemaDepth)
            {
                foreach (var child in schema.Schema.Where(c => c.Name != null)) property.Children[child.Name!] = FromModel(child, depth + 1);
            }
            return property;
        }

        private static SchemaProperty FromPowerShell(JObject schema, int depth)
        {
            var property = new SchemaProperty
            {
                Required = schema["Required"]?.Type == JTokenType.Boolean && (bool)schema["Required"]!,
                HasDefault = schema["Default"] != null && schema["Default"]!.Type != JTokenType.Null,
                Type = Text(schema["Type"])?.ToLowerInvariant(),
            };
            if (depth < MaxSchemaDepth)
            {
                foreach (var (name, child) in Named(schema["Schema"])) property.Children[name] = FromPowerShell(child, depth + 1);
            }
            return property;
        }

        private static SchemaProperty FromHeat(JObject schema, int depth)
        {
            var property = new SchemaProperty
            {
                Required = schema["required"]?.Type == JTokenType.Boolean && (bool)schema["required"]!,
                HasDefault = schema["default"] != null && schema["default"]!.Type != JTokenType.Null,
                Type = Text(schema["type"])?.ToLowerInvariant(),
            };
            if (depth < MaxSchemaDepth)
            {
                foreach (var child in (schema["schema"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    if (child.Value is JObject value) property.Children[child.Name] = FromHeat(value, depth + 1);
                }
            }
            return property;
        }

        private static IEnumerable<(string Name, JObject Value)> Named(JToken? list) =>
            (list as JArray ?? new JArray()).OfType<JObject>().Where(o => Text(o["Name"]) != null).Select(o => (Text(o["Name"])!, o));

        private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;
    }
}
