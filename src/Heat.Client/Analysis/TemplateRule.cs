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

        /// <summary>The severity its findings get: <see cref="DefaultSeverity"/> unless a settings file says otherwise.</summary>
        public HeatDiagnosticSeverity Severity
        {
            get => _severity ?? DefaultSeverity;
            set => _severity = value;
        }

        private HeatDiagnosticSeverity? _severity;

        /// <summary>Takes a rule's options from a settings file (<c>Rules = @{ Name = @{ Option = value } }</c>). A rule
        /// that has none refuses every one, so a misspelt option is an error, not silently ignored.</summary>
        /// <exception cref="System.ArgumentException">An option the rule does not have, or a value it cannot use.</exception>
        public virtual void Configure(IDictionary<string, object?> options)
        {
            foreach (var option in options.Keys) throw new System.ArgumentException($"Rule {Name} has no option '{option}'.");
        }

        /// <summary>A finding of this rule at <paramref name="at"/>'s position in the template.</summary>
        protected HeatTemplateDiagnostic Finding(AnalyzedTemplate document, Newtonsoft.Json.Linq.JToken? at, string target, string message, string? fix = null)
        {
            var position = AnalyzedTemplate.PositionOf(at);
            return new HeatTemplateDiagnostic
            {
                RuleName = Name,
                Severity = Severity,
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
