namespace Heat.Client.Analysis
{
    /// <summary>How much a finding matters, as PSScriptAnalyzer and SARIF grade them.</summary>
    public enum HeatDiagnosticSeverity
    {
        Information = 0,
        Warning = 1,
        Error = 2,
    }

    /// <summary>One finding of the template analyzer: which rule, where (file, 1-based line and column), what and why.</summary>
    public sealed class HeatTemplateDiagnostic
    {
        public string RuleName { get; set; } = string.Empty;

        public HeatDiagnosticSeverity Severity { get; set; }

        public string? File { get; set; }

        public int? Line { get; set; }

        public int? Column { get; set; }

        public string Message { get; set; } = string.Empty;

        /// <summary>The resource, parameter, output or condition concerned.</summary>
        public string? Target { get; set; }

        /// <summary>What would fix it, where there is one clear fix.</summary>
        public string? SuggestedFix { get; set; }

        public override string ToString() => $"{File}:{Line}:{Column} {Severity} {RuleName}: {Message}";
    }
}
