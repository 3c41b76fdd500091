using System.Collections.Generic;

namespace Heat.Client.Analysis
{
    /// <summary>
    /// One rule of the analyzer: a name (the id in results, settings, suppressions and SARIF), what it checks, its
    /// default severity, and the check itself over a parsed template with its positions.
    /// </summary>
    public abstract class TemplateRule
    {
        public abstract string Name { get; }

        public abstract string Description { get; }

        public abstract HeatDiagnosticSeverity DefaultSeverity { get; }

        public abstract IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document);

        /// <summary>A finding of this rule at <paramref name="at"/>'s position in the template.</summary>
        protected HeatTemplateDiagnostic Finding(AnalyzedTemplate document, Newtonsoft.Json.Linq.JToken? at, string target, string message, string? fix = null)
        {
            var position = AnalyzedTemplate.PositionOf(at);
            return new HeatTemplateDiagnostic
            {
                RuleName = Name,
                Severity = DefaultSeverity,
                File = document.File,
                Line = position?.Line,
                Column = position?.Column,
                Target = target,
                Message = message,
                SuggestedFix = fix,
            };
        }
    }
}
