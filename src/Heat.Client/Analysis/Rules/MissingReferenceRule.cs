using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>A reference to something the template does not have: get_param, get_resource, get_attr, depends_on,
    /// Ref, Fn::GetAtt, and a resource's or output's condition.</summary>
    public sealed class MissingReferenceRule : TemplateRule
    {
        public override string Name => "HeatMissingReference";

        public override string Description => "A get_param, get_resource, get_attr, depends_on or condition names something the template does not declare.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            var parameters = document.Parameters;
            var resources = document.Resources;
            foreach (var call in document.Calls)
            {
                var name = call.TargetName;
                if (name == null) continue;
                switch (call.Function)
                {
                    case "get_param" when parameters[name] == null && !AnalyzedTemplate.IsPseudoParameter(name):
                        yield return Finding(document, call.Target, name, $"get_param names '{name}', which the template's parameters do not declare.",
                            $"Declare '{name}' under parameters, or correct the name.");
                        break;
                    case "Ref" when parameters[name] == null && resources[name] == null && !AnalyzedTemplate.IsPseudoParameter(name):
                        yield return Finding(document, call.Target, name, $"Ref names '{name}', which is neither a parameter nor a resource of the template.");
                        break;
                    case "get_resource":
                    case "get_attr":
                    case "Fn::GetAtt":
                        if (resources[name] == null)
                        {
                            yield return Finding(document, call.Target, name, $"{call.Function} names resource '{name}', which the template does not have.",
                                Suggest(resources, name));
                        }
                        break;
                }
            }
            foreach (var resource in resources.Properties())
            {
                if (!(resource.Value is JObject definition)) continue;
                foreach (var dependency in AnalyzedTemplate.DependsOn(definition))
                {
                    if (resources[(string)dependency!] == null)
                    {
                        yield return Finding(document, dependency, (string)dependency!, $"Resource '{resource.Name}' depends_on '{dependency}', which the template does not have.",
                            Suggest(resources, (string)dependency!));
                    }
                }
            }
            var conditions = document.Conditions;
            foreach (var owner in resources.Properties().Concat(document.Outputs.Properties()))
            {
                if ((owner.Value as JObject)?["condition"] is JValue condition && condition.Type == JTokenType.String && conditions[(string)condition!] == null)
                {
                    yield return Finding(document, condition, (string)condition!, $"'{owner.Name}' has condition '{condition}', which the template's conditions do not declare.");
                }
            }
        }

        /// <summary>The declared name closest to a misspelt one (one edit away, or only its case differs).</summary>
        private static string? Suggest(JObject declared, string name)
        {
            var close = declared.Properties().Select(p => p.Name).FirstOrDefault(d => string.Equals(d, name, System.StringComparison.OrdinalIgnoreCase) || OneEditAway(d, name));
            return close == null ? null : $"Did you mean '{close}'?";
        }

        private static bool OneEditAway(string a, string b)
        {
            if (System.Math.Abs(a.Length - b.Length) > 1) return false;
            int i = 0, j = 0, edits = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { i++; j++; continue; }
                if (++edits > 1) return false;
                if (a.Length > b.Length) i++;
                else if (b.Length > a.Length) j++;
                else { i++; j++; }
            }
            return edits + (a.Length - i) + (b.Length - j) <= 1;
        }
    }
}
