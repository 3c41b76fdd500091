using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Analysis
{
    /// <summary>
    /// A custom rule: a PowerShell function that takes the parsed template (a parameter typed
    /// <see cref="AnalyzedTemplate"/>) and returns its findings, as PSScriptAnalyzer's custom rules take an AST. A finding is a
    /// HeatTemplateDiagnostic, or a hashtable or object with Message and any of Line, Column, Token (a node of the template,
    /// whose line and column are taken), Severity, Target, SuggestedFix and RuleName (the function's name when left out).
    /// </summary>
    internal sealed class ScriptTemplateRule : TemplateRule
    {
        private readonly FunctionInfo _function;
        private readonly string _source;

        public ScriptTemplateRule(FunctionInfo function, string source)
        {
            _function = function;
            _source = source;
        }

        public override string Name => _function.Name;

        public override string Description => string.IsNullOrWhiteSpace(_function.Description) ? $"A custom rule from {_source}." : _function.Description;

        public override HeatDiagnosticSeverity DefaultSeverity => HeatDiagnosticSeverity.Warning;

        /// <summary>Whether a function is a rule: one of its parameters takes an <see cref="AnalyzedTemplate"/>.</summary>
        public static bool IsRule(FunctionInfo function) =>
            function.Parameters.Values.Any(p => p.ParameterType == typeof(AnalyzedTemplate));

        public override IEnumerable<HeatTemplateDiagnostic> Check(AnalyzedTemplate document)
        {
            var parameter = _function.Parameters.Values.First(p => p.ParameterType == typeof(AnalyzedTemplate)).Name;
            try
            {
                var output = ScriptBlock.Create("param($rule, $name, $template) $arguments = @{ $name = $template }; & $rule @arguments").Invoke(_function, parameter, document);
                return output.Where(o => o != null).Select(o => ToDiagnostic(o, document)).ToList();
            }
            catch (RuntimeException e)
            {
                throw new AnalyzerException(AnalyzerProblem.CustomRule, $"Custom rule {Name} ({_source}) failed on {document.File}: {e.Message}", e);
            }
        }

        private HeatTemplateDiagnostic ToDiagnostic(PSObject item, AnalyzedTemplate document)
        {
            if (item.BaseObject is HeatTemplateDiagnostic ready)
            {
                ready.File ??= document.File;
                if (string.IsNullOrEmpty(ready.RuleName)) ready.RuleName = Name;
                return ready;
            }
            var message = Field(item, "Message")?.ToString();
            if (string.IsNullOrEmpty(message)) throw new AnalyzerException(AnalyzerProblem.CustomRule, $"Custom rule {Name} ({_source}) returned a finding without a Message.");
            var position = Field(item, "Token") is object token ? AnalyzedTemplate.PositionOf((token as PSObject)?.BaseObject as JToken ?? token as JToken) : null;
            return new HeatTemplateDiagnostic
            {
                RuleName = Field(item, "RuleName")?.ToString() ?? Name,
                Severity = Field(item, "Severity") is object severity ? LanguagePrimitives.ConvertTo<HeatDiagnosticSeverity>(severity) : Severity,
                File = document.File,
                Line = Field(item, "Line") is object line ? LanguagePrimitives.ConvertTo<int>(line) : position?.Line,
                Column = Field(item, "Column") is object column ? LanguagePrimitives.ConvertTo<int>(column) : position?.Column,
                Message = message,
                Target = Field(item, "Target")?.ToString(),
                SuggestedFix = Field(item, "SuggestedFix")?.ToString(),
            };
        }

        private static object Field(PSObject item, string name)
        {
            if (item.BaseObject is IDictionary table)
            {
                foreach (DictionaryEntry entry in table)
                {
                    if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) return Unwrap(entry.Value);
                }
                return null;
            }
            return Unwrap(item.Properties[name]?.Value);
        }

        private static object Unwrap(object value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
    }
}
