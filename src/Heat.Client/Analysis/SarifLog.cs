using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis
{
    /// <summary>
    /// Findings as SARIF 2.1.0, the format GitHub code scanning and Azure DevOps read: one run, the analyzer as its tool
    /// with each rule's metadata, one result per finding with its file, line and column.
    /// </summary>
    public static class SarifLog
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        /// <param name="baseFolder">File paths under it are written relative to it (as a repository's code scanning wants);
        /// others as file URIs.</param>
        public static JObject Create(IEnumerable<HeatTemplateDiagnostic> diagnostics, IEnumerable<TemplateRule> rules, string? baseFolder, string toolVersion)
        {
            var ruleList = rules.ToList();
            var index = ruleList.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
            var results = new JArray();
            foreach (var diagnostic in diagnostics)
            {
                var region = new JObject();
                if (diagnostic.Line is int line) region["startLine"] = line;
                if (diagnostic.Column is int column) region["startColumn"] = column;
                var result = new JObject
                {
                    ["ruleId"] = diagnostic.RuleName,
                    ["level"] = Level(diagnostic.Severity),
                    ["message"] = new JObject { ["text"] = diagnostic.Message + (diagnostic.SuggestedFix == null ? string.Empty : " " + diagnostic.SuggestedFix) },
                    ["locations"] = new JArray(new JObject
                    {
                        ["physicalLocation"] = new JObject
                        {
                            ["artifactLocation"] = new JObject { ["uri"] = Uri(diagnostic.File, baseFolder) },
                            ["region"] = region,
                        },
                    }),
                };
                if (index.TryGetValue(diagnostic.RuleName, out var at)) result["ruleIndex"] = at;
                results.Add(result);
            }
            return new JObject
            {
                ["$schema"] = SchemaUri,
                ["version"] = "2.1.0",
                ["runs"] = new JArray(new JObject
                {
                    ["tool"] = new JObject
                    {
                        ["driver"] = new JObject
                        {
                            ["name"] = "Heat.PowerShell template analyzer",
                            ["version"] = toolVersion,
                            ["rules"] = new JArray(ruleList.Select(r => new JObject
                            {
                                ["id"] = r.Name,
                                ["shortDescription"] = new JObject { ["text"] = r.Description },
                                ["defaultConfiguration"] = new JObject { ["level"] = Level(r.DefaultSeverity) },
                            })),
                        },
                    },
                    ["results"] = results,
                }),
            };
        }

        private static string Level(HeatDiagnosticSeverity severity) =>
            severity == HeatDiagnosticSeverity.Error ? "error" : severity == HeatDiagnosticSeverity.Warning ? "warning" : "note";

        private static string Uri(string? file, string? baseFolder)
        {
            if (file == null) return string.Empty;
            if (baseFolder != null)
            {
                var root = System.IO.Path.GetFullPath(baseFolder).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
                var full = System.IO.Path.GetFullPath(file);
                if (full.StartsWith(root, StringComparison.Ordinal)) return full.Substring(root.Length).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            }
            return new System.Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri;
        }
    }
}
