using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Rules
{
    /// <summary>A function the template's declared version does not have (HOT's by heat_template_version, or a HOT
    /// function in a CloudFormation template), and a function a conditions section does not allow.</summary>
    public sealed class FunctionVersionRule : TemplateRule
    {
        public override string Name => "HeatFunctionNotInVersion";

        public override string Description => "A function the template's heat_template_version (or format) does not have: Heat reads it as plain data or refuses it as removed.";

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Error;

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            var version = document.Root["heat_template_version"] is JValue v && v.Type == JTokenType.String ? (string?)v : null;
            var functions = TemplateFunctions.For(document.IsHot, version);
            var conditionFunctions = TemplateFunctions.ForConditions(document.IsHot, version);
            if (functions == null || conditionFunctions == null) yield break;
            var format = document.IsHot ? $"heat_template_version {version}" : "a CloudFormation template";
            foreach (var call in document.Calls)
            {
                if (call.Function == "get_input") continue; // a software config's input, read on the server, not a template function
                var inConditions = InCondition(call);
                var allowed = inConditions ? conditionFunctions : functions;
                if (allowed.Contains(call.Function)) continue;
                var first = document.IsHot ? TemplateFunctions.FirstHotVersionWith(call.Function) : null;
                string? fix = first != null && string.CompareOrdinal(first, version) > 0 ? $"Declare heat_template_version {first} or later." : null;
                var where = inConditions ? " in a condition" : string.Empty;
                yield return Finding(document, call.Call.First as JProperty, call.Function, $"'{call.Function}' is not a function of {format}{where}.", fix);
            }
        }

        /// <summary>Where Heat parses a condition, with the condition functions: the conditions section, a resource's or
        /// output's condition, and the first argument of if.</summary>
        private static bool InCondition(FunctionCall call)
        {
            if (call.Section == "conditions" || call.Section == "Conditions") return true;
            for (JToken? at = call.Call; at != null; at = at.Parent)
            {
                if (at is JProperty property && (property.Name == "condition" || property.Name == "Condition")) return true;
                if (at.Parent is JArray arguments && arguments.Parent is JProperty function && (function.Name == "if" || function.Name == "Fn::If") && arguments.First == at) return true;
            }
            return false;
        }
    }
}
