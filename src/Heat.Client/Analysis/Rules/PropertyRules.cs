using System.Collections.Generic;
using System.Linq;
using Heat.Client.Analysis.Schemas;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>A property the resource's type (or child template) does not take: unknown, misspelt or removed.</summary>
    public sealed class UnknownPropertyRule : TemplateRule
    {
        public override string Name => "HeatUnknownProperty";

        public override string Description => "A resource sets a property its type's schema (or its child template's parameters) does not have: unknown, misspelt, or removed from the schema.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var resource in document.ResourceNames)
            {
                var schema = PropertySchemas.For(document, resource);
                if (schema == null || !(Properties(document, resource) is JObject properties)) continue;
                foreach (var (path, property, known, siblings) in PropertySchemas.Walk(properties, schema))
                {
                    if (known != null) continue;
                    yield return Finding(document, property, resource, $"Resource '{resource}' sets '{path}', which its type does not take.",
                        NameSuggestions.DidYouMean(siblings.Keys, property.Name));
                }
            }
        }

        internal static JObject? Properties(AnalyzedTemplate document, string resource)
        {
            var definition = document.Resources[resource] as JObject;
            return (definition?["properties"] ?? definition?["Properties"]) as JObject;
        }
    }

    /// <summary>A required property (one without a default) the resource does not set.</summary>
    public sealed class MissingRequiredPropertyRule : TemplateRule
    {
        public override string Name => "HeatMissingRequiredProperty";

        public override string Description => "A resource leaves out a property its type requires (or a parameter of its child template that has no default).";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var resource in document.ResourceNames)
            {
                var schema = PropertySchemas.For(document, resource);
                if (schema == null) continue;
                var properties = UnknownPropertyRule.Properties(document, resource);
                if (properties != null && PropertySchemas.IsCall(properties)) continue;
                var maps = properties == null ? new[] { (string.Empty, new JObject(), schema) } : PropertySchemas.Maps(properties, schema);
                foreach (var (path, map, known) in maps)
                {
                    foreach (var missing in known.Where(k => k.Value.Required && !k.Value.HasDefault && k.Key != "*" && map[k.Key] == null))
                    {
                        var at = map.Parent ?? (JToken?)document.Resources.Property(resource);
                        yield return Finding(document, at, resource,
                            $"Resource '{resource}' does not set '{path}{missing.Key}', which its type requires.", $"Set '{missing.Key}'.");
                    }
                }
            }
        }
    }
}
