using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>A template, parameter or output without a description.</summary>
    public sealed class MissingDescriptionRule : TemplateRule
    {
        public override string Name => "HeatMissingDescription";

        public override string Description => "The template, a parameter or an output has no description.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Information;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            if (document.Root["description"] == null && document.Root["Description"] == null)
            {
                yield return Finding(document, document.Root.First, "(template)", "The template has no description.", "Add a description at the top.");
            }
            foreach (var (section, kind) in new[] { (document.Parameters, "Parameter"), (document.Outputs, "Output") })
            {
                foreach (var item in section.Properties().Where(p => p.Value is JObject o && o["description"] == null && o["Description"] == null))
                {
                    yield return Finding(document, item.Value, item.Name, $"{kind} '{item.Name}' has no description.");
                }
            }
        }
    }

    /// <summary>An image, flavor or network named in the template itself rather than given as a parameter.</summary>
    public sealed class HardcodedNameRule : TemplateRule
    {
        private string[] _properties = { "image", "flavor", "network", "key_name" };

        public override string Name => "HeatHardcodedName";

        public override string Description => "An image, flavor, network or key pair is named in the template itself: it differs between clouds.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Information;

        /// <summary>Option <c>Properties</c>: the property names to watch (image, flavor, network, key_name by default).</summary>
        public override void Configure(IDictionary<string, object?> options)
        {
            foreach (var option in options)
            {
                if (!string.Equals(option.Key, "Properties", System.StringComparison.OrdinalIgnoreCase)) throw new System.ArgumentException($"Rule {Name} has no option '{option.Key}'; it has Properties.");
                _properties = option.Value switch
                {
                    string one => new[] { one },
                    System.Collections.IEnumerable many => many.Cast<object?>().Select(o => o?.ToString()).OfType<string>().ToArray(),
                    _ => throw new System.ArgumentException($"Rule {Name}: Properties is a list of property names."),
                };
            }
        }

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var resource in document.Resources.Properties())
            {
                if (!((resource.Value as JObject)?["properties"] is JObject properties)) continue;
                foreach (var value in Literals(properties))
                {
                    var property = ((JProperty)value.Parent!).Name;
                    yield return Finding(document, value, resource.Name,
                        $"Resource '{resource.Name}' names {property} '{value}' in the template: another cloud may not have it.",
                        $"Give it as a parameter (get_param) with this as its default.");
                }
            }
        }

        /// <summary>Literal strings of the named properties, at the top of the properties and in a networks list.</summary>
        private IEnumerable<JValue> Literals(JObject properties)
        {
            foreach (var name in _properties)
            {
                if (properties[name] is JValue value && value.Type == JTokenType.String) yield return value;
            }
            if (_properties.Contains("network") && properties["networks"] is JArray networks)
            {
                foreach (var network in networks.OfType<JObject>())
                {
                    if (network["network"] is JValue value && value.Type == JTokenType.String) yield return value;
                }
            }
        }
    }
}
