using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Heat.Client.Analysis.Rules;

namespace Heat.Client.Analysis
{
    /// <summary>
    /// Runs the rules over a template and keeps what the caller asked for: rules included or excluded by name
    /// (wildcards), a lowest severity, and what the template itself suppresses with a comment:
    /// <c># heat-analyzer: disable=HeatUnusedParameter</c> on the finding's line or the line above it, or
    /// <c># heat-analyzer: disable-file=HeatUnusedParameter</c> anywhere (several names with commas).
    /// </summary>
    public sealed class TemplateAnalyzer
    {
        private static readonly Regex Suppression = new Regex(@"#\s*heat-analyzer:\s*disable(?<file>-file)?\s*=\s*(?<rules>[A-Za-z0-9_*?, -]+)", RegexOptions.CultureInvariant);

        /// <summary>The rules the module has, in the order they run: new instances, so that one analyzer's settings
        /// (severities, options) never reach another's.</summary>
        public static IReadOnlyList<TemplateRule> NewBuiltInRules() => new TemplateRule[]
        {
            new MissingReferenceRule(),
            new DependencyCycleRule(),
            new UnusedParameterRule(),
            new SecretParameterRule(),
            new OutputExposesHiddenRule(),
            new MissingDescriptionRule(),
            new HardcodedNameRule(),
            new FunctionVersionRule(),
            new UnknownResourceTypeRule(),
            new UnavailableResourceTypeRule(),
            new DeprecatedResourceTypeRule(),
            new UnknownPropertyRule(),
            new MissingRequiredPropertyRule(),
            new UnknownAttributeRule(),
        };

        private readonly List<TemplateRule> _rules;

        public TemplateAnalyzer(IEnumerable<TemplateRule>? rules = null)
        {
            _rules = (rules ?? NewBuiltInRules()).ToList();
        }

        /// <summary>Rule names to run (wildcards); null runs all.</summary>
        public IList<string>? IncludeRules { get; set; }

        /// <summary>Rule names not to run (wildcards).</summary>
        public IList<string>? ExcludeRules { get; set; }

        /// <summary>Severities to keep; null keeps all.</summary>
        public ISet<HeatDiagnosticSeverity>? Severities { get; set; }

        /// <summary>Suppressions from a settings file, beside those the template's own comments make.</summary>
        public IList<AnalyzerSuppression> Suppressions { get; } = new List<AnalyzerSuppression>();

        public IReadOnlyList<TemplateRule> Rules => _rules.Where(Wanted).ToList();

        /// <summary>Every rule, wanted or not, by name (for settings to configure).</summary>
        public TemplateRule? Rule(string name) => _rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Adds a rule (a custom one) after the built-in ones.</summary>
        public void Add(TemplateRule rule) => _rules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));

        public IReadOnlyList<HeatTemplateDiagnostic> Analyze(AnalyzedTemplate template)
        {
            if (template == null) throw new ArgumentNullException(nameof(template));
            var (byLine, wholeFile) = CommentSuppressions(template.Text);
            var found = new List<HeatTemplateDiagnostic>();
            if (template.LoadProblem is Templates.TemplateException problem && (Severities == null || Severities.Contains(HeatDiagnosticSeverity.Error)))
            {
                found.Add(Invalid(template.File, problem));
            }
            foreach (var rule in Rules)
            {
                foreach (var diagnostic in Run(rule, template))
                {
                    if (Suppressions.Any(s => s.Covers(diagnostic))) continue;
                    if (Severities != null && !Severities.Contains(diagnostic.Severity)) continue;
                    if (wholeFile.Any(p => Matches(p, diagnostic.RuleName))) continue;
                    if (diagnostic.Line is int line && (Suppressed(byLine, line, diagnostic.RuleName) || Suppressed(byLine, line - 1, diagnostic.RuleName))) continue;
                    found.Add(diagnostic);
                }
            }
            return found.OrderBy(d => d.Line ?? 0).ThenBy(d => d.Column ?? 0).ThenBy(d => d.RuleName, StringComparer.Ordinal).ToList();
        }

        /// <summary>Told when a rule fails on a template (a custom rule that throws); the other rules go on. Left null, the failure is thrown.</summary>
        public Action<TemplateRule, AnalyzedTemplate, Exception>? RuleFailed { get; set; }

        private IReadOnlyList<HeatTemplateDiagnostic> Run(TemplateRule rule, AnalyzedTemplate template)
        {
            try
            {
                return rule.Check(template).ToList();
            }
            catch (Exception e) when (RuleFailed != null)
            {
                RuleFailed(rule, template, e);
                return Array.Empty<HeatTemplateDiagnostic>();
            }
        }

        /// <summary>The finding for a template that does not parse or load: not a rule's, so no setting removes it.</summary>
        public static HeatTemplateDiagnostic Invalid(string file, Templates.TemplateException problem) => new HeatTemplateDiagnostic
        {
            RuleName = "HeatTemplateInvalid",
            Severity = HeatDiagnosticSeverity.Error,
            File = problem.FilePath ?? file,
            Line = problem.Line,
            Column = problem.Column,
            Message = problem.Detail,
        };

        private bool Wanted(TemplateRule rule) =>
            (IncludeRules == null || IncludeRules.Any(p => Matches(p, rule.Name))) && !(ExcludeRules ?? Array.Empty<string>()).Any(p => Matches(p, rule.Name));

        private static bool Suppressed(Dictionary<int, List<string>> byLine, int line, string rule) =>
            byLine.TryGetValue(line, out var patterns) && patterns.Any(p => Matches(p, rule));

        private static (Dictionary<int, List<string>> ByLine, List<string> WholeFile) CommentSuppressions(string text)
        {
            var byLine = new Dictionary<int, List<string>>();
            var wholeFile = new List<string>();
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Suppression.Matches(lines[i]))
                {
                    var names = match.Groups["rules"].Value.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
                    if (match.Groups["file"].Success) wholeFile.AddRange(names);
                    else
                    {
                        if (!byLine.TryGetValue(i + 1, out var list)) byLine[i + 1] = list = new List<string>();
                        list.AddRange(names);
                    }
                }
            }
            return (byLine, wholeFile);
        }

        /// <summary>A rule name against a pattern with * and ?, without regard to case (as PSScriptAnalyzer's names).</summary>
        internal static bool Matches(string pattern, string name) =>
            Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
