using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>A declared parameter that nothing reads.</summary>
    public sealed class UnusedParameterRule : TemplateRule
    {
        public override string Name => "HeatUnusedParameter";

        public override string Description => "A parameter is declared but no get_param (or Ref) reads it.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Warning;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            var used = new HashSet<string>(document.Calls.Where(c => c.Function == "get_param" || c.Function == "Ref").Select(c => c.TargetName).OfType<string>(), StringComparer.Ordinal);
            foreach (var parameter in document.Parameters.Properties().Where(p => !used.Contains(p.Name)))
            {
                yield return Finding(document, parameter.Value, parameter.Name, $"Parameter '{parameter.Name}' is declared but never read.",
                    "Remove it, or read it with get_param where it was meant to go.");
            }
        }
    }

    /// <summary>Parameters whose names say they hold a secret: hidden, and without a default in the template.</summary>
    public sealed class SecretParameterRule : TemplateRule
    {
        public override string Name => "HeatSecretParameter";

        public override string Description => "A parameter whose name says password, secret, token or key (not a key pair's name or a public key) is not hidden, or has a default in the template.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Warning;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var parameter in document.Parameters.Properties().Where(p => SecretNames.IsSecret(p.Name)))
            {
                var definition = parameter.Value as JObject;
                if (!document.IsHidden(parameter.Name))
                {
                    yield return Finding(document, parameter.Value, parameter.Name,
                        $"Parameter '{parameter.Name}' looks like a secret but is not hidden: Heat shows its value to anyone who can read the stack.",
                        document.IsHot ? "Add 'hidden: true'." : "Add 'NoEcho: true'.");
                }
                if ((definition?["default"] ?? definition?["Default"]) is JToken value && value.Type != JTokenType.Null)
                {
                    yield return Finding(document, value, parameter.Name,
                        $"Parameter '{parameter.Name}' looks like a secret and has a default: the secret is in the template, for everyone who reads it.",
                        "Remove the default and give the value when the stack is made.");
                }
            }
        }
    }

    /// <summary>An output that shows a hidden parameter's value.</summary>
    public sealed class OutputExposesHiddenRule : TemplateRule
    {
        public override string Name => "HeatOutputExposesHidden";

        public override string Description => "An output's value reads a hidden parameter, so Heat shows what was meant to stay hidden.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Warning;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            foreach (var call in document.Calls.Where(c => (c.Section == "outputs" || c.Section == "Outputs") && (c.Function == "get_param" || c.Function == "Ref")))
            {
                if (call.TargetName is string name && document.IsHidden(name))
                {
                    yield return Finding(document, call.Target, name, $"An output reads hidden parameter '{name}': its value is shown to anyone who can read the stack's outputs.",
                        "Do not output it; hand it to what needs it through a resource.");
                }
            }
        }
    }
}
