namespace Heat.Client.Analysis
{
    /// <summary>A suppression from a settings file: findings of a rule, in files matching a path pattern, for a target
    /// matching a name pattern (each a wildcard; left out, any).</summary>
    public sealed class AnalyzerSuppression
    {
        public string RuleName { get; set; } = "*";

        /// <summary>Matched against the file's full path with '/' separators (<c>*/legacy/*</c>), or its name alone.</summary>
        public string? Path { get; set; }

        public string? Target { get; set; }

        /// <summary>Why it is suppressed, for the reader of the settings file.</summary>
        public string? Justification { get; set; }

        internal bool Covers(HeatTemplateDiagnostic diagnostic)
        {
            if (!TemplateAnalyzer.Matches(RuleName, diagnostic.RuleName)) return false;
            if (Target != null && (diagnostic.Target == null || !TemplateAnalyzer.Matches(Target, diagnostic.Target))) return false;
            if (Path == null) return true;
            if (diagnostic.File == null) return false;
            var full = System.IO.Path.GetFullPath(diagnostic.File).Replace('\\', '/');
            return TemplateAnalyzer.Matches(Path.Replace('\\', '/'), full) || TemplateAnalyzer.Matches(Path, System.IO.Path.GetFileName(diagnostic.File));
        }
    }
}
