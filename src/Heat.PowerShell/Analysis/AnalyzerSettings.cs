using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Analysis
{
    /// <summary>
    /// A settings file in the shape PowerShell users know from PSScriptAnalyzer: a .psd1 hashtable with IncludeRules,
    /// ExcludeRules, Severity and Rules (per rule Enable, Severity and the rule's options), and beside them Suppress
    /// (findings to leave out by rule, path and target), CustomRulePath and SchemaPath, relative to the file. The file is
    /// read as data (no code in it runs), and a key it does not know is an error, so a typo never goes unnoticed.
    /// </summary>
    internal sealed class AnalyzerSettings
    {
        private static readonly string[] Keys = { "IncludeRules", "ExcludeRules", "Severity", "Rules", "Suppress", "CustomRulePath", "SchemaPath" };

        public string[] IncludeRules { get; private set; }

        public string[] ExcludeRules { get; private set; }

        public HeatDiagnosticSeverity[] Severity { get; private set; }

        public List<(string Rule, Hashtable Options)> Rules { get; } = new List<(string, Hashtable)>();

        public List<AnalyzerSuppression> Suppressions { get; } = new List<AnalyzerSuppression>();

        public string[] CustomRulePath { get; private set; }

        public string SchemaPath { get; private set; }

        /// <summary>Reads a .psd1 file as data.</summary>
        /// <exception cref="AnalyzerException">It does not parse, is not one hashtable of constants, or has a key or value it should not.</exception>
        public static AnalyzerSettings Read(string path)
        {
            var ast = Parser.ParseFile(path, out _, out var errors);
            if (errors.Length > 0) throw Invalid($"{path} line {errors[0].Extent.StartLineNumber}: {errors[0].Message}");
            var statements = ast.EndBlock?.Statements;
            if (statements?.Count != 1 || !(ast.Find(a => a is HashtableAst, false) is HashtableAst table) || table.Parent?.Parent != statements[0])
            {
                throw Invalid($"{path} is not one hashtable (@{{ IncludeRules = ... }}).");
            }
            object value;
            try
            {
                value = table.SafeGetValue();
            }
            catch (InvalidOperationException e)
            {
                throw Invalid($"{path} holds more than constants (a variable, a command, an expression): {e.Message}");
            }
            return From((Hashtable)value, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)));
        }

        /// <summary>Settings from a hashtable; relative paths in it are taken from <paramref name="baseFolder"/>.</summary>
        public static AnalyzerSettings From(Hashtable table, string baseFolder)
        {
            var settings = new AnalyzerSettings();
            foreach (DictionaryEntry entry in table)
            {
                var key = Keys.FirstOrDefault(k => string.Equals(k, entry.Key?.ToString(), StringComparison.OrdinalIgnoreCase))
                    ?? throw Invalid($"Settings has no key '{entry.Key}'; it has {string.Join(", ", Keys)}.");
                switch (key)
                {
                    case "IncludeRules": settings.IncludeRules = Strings(entry.Value, key); break;
                    case "ExcludeRules": settings.ExcludeRules = Strings(entry.Value, key); break;
                    case "Severity": settings.Severity = Strings(entry.Value, key).Select(ParseSeverity).ToArray(); break;
                    case "CustomRulePath": settings.CustomRulePath = Strings(entry.Value, key).Select(p => Rooted(p, baseFolder)).ToArray(); break;
                    case "SchemaPath": settings.SchemaPath = Rooted(Strings(entry.Value, key).Single(), baseFolder); break;
                    case "Rules": ReadRules(settings, entry.Value); break;
                    case "Suppress": ReadSuppressions(settings, entry.Value); break;
                }
            }
            return settings;
        }

        /// <summary>Sets what the settings say on the analyzer: rule severities, options and suppressions, and rules turned off.</summary>
        public void ApplyTo(TemplateAnalyzer analyzer, List<string> excluded)
        {
            foreach (var (name, options) in Rules)
            {
                var rule = analyzer.Rule(name) ?? throw Invalid($"Settings name rule '{name}', which the analyzer does not have.");
                var rest = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry option in options)
                {
                    var key = option.Key?.ToString() ?? string.Empty;
                    if (string.Equals(key, "Enable", StringComparison.OrdinalIgnoreCase))
                    {
                        if (!(option.Value is bool enable)) throw Invalid($"Rules.{name}.Enable is $true or $false.");
                        if (!enable) excluded.Add(rule.Name);
                    }
                    else if (string.Equals(key, "Severity", StringComparison.OrdinalIgnoreCase))
                    {
                        rule.Severity = ParseSeverity(option.Value?.ToString());
                    }
                    else
                    {
                        rest[key] = option.Value;
                    }
                }
                try
                {
                    rule.Configure(rest);
                }
                catch (ArgumentException e)
                {
                    throw Invalid(e.Message);
                }
            }
            foreach (var suppression in Suppressions) analyzer.Suppressions.Add(suppression);
        }

        private static void ReadRules(AnalyzerSettings settings, object value)
        {
            if (!(value is Hashtable rules)) throw Invalid("Rules is a hashtable of rule name to its settings (@{ HeatHardcodedName = @{ Enable = $false } }).");
            foreach (DictionaryEntry rule in rules)
            {
                if (!(rule.Value is Hashtable options)) throw Invalid($"Rules.{rule.Key} is a hashtable (@{{ Enable = $true; Severity = 'Error' }}).");
                settings.Rules.Add((rule.Key?.ToString() ?? string.Empty, options));
            }
        }

        private static void ReadSuppressions(AnalyzerSettings settings, object value)
        {
            foreach (var item in value is object[] list ? list : new[] { value })
            {
                if (!(item is Hashtable entry)) throw Invalid("Suppress is a list of hashtables (@{ RuleName = 'HeatUnusedParameter'; Path = '*/legacy/*'; Target = 'x' }).");
                var suppression = new AnalyzerSuppression();
                foreach (DictionaryEntry field in entry)
                {
                    var text = field.Value?.ToString();
                    switch (field.Key?.ToString()?.ToLowerInvariant())
                    {
                        case "rulename": suppression.RuleName = text ?? "*"; break;
                        case "path": suppression.Path = text; break;
                        case "target": suppression.Target = text; break;
                        case "justification": suppression.Justification = text; break;
                        default: throw Invalid($"A Suppress entry has no key '{field.Key}'; it has RuleName, Path, Target and Justification.");
                    }
                }
                settings.Suppressions.Add(suppression);
            }
        }

        private static string[] Strings(object value, string key)
        {
            var items = value is object[] list ? list : new[] { value };
            if (items.Any(i => !(i is string s) || s.Length == 0)) throw Invalid($"{key} is a string or a list of strings, none empty.");
            return items.Cast<string>().ToArray();
        }

        private static HeatDiagnosticSeverity ParseSeverity(string text) =>
            Enum.TryParse<HeatDiagnosticSeverity>(text, true, out var severity) && Enum.IsDefined(typeof(HeatDiagnosticSeverity), severity)
                ? severity
                : throw Invalid($"Severity '{text}' is not Error, Warning or Information.");

        private static string Rooted(string path, string baseFolder) => System.IO.Path.GetFullPath(System.IO.Path.Combine(baseFolder, path));

        private static AnalyzerException Invalid(string message) => new AnalyzerException(AnalyzerProblem.Settings, message);
    }
}
