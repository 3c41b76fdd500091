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
                                NameSuggestions.DidYouMean(resources.Properties().Select(p => p.Name), name));
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
                            NameSuggestions.DidYouMean(resources.Properties().Select(p => p.Name), (string)dependency!));
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
    }
}
