using System;

namespace Heat.PowerShell.Analysis
{
    /// <summary>What Invoke-HeatTemplateAnalyzer could not use: its settings, a saved schema file, or a custom rule.</summary>
    public enum AnalyzerProblem
    {
        Settings,
        Schema,
        CustomRule,
    }

    /// <summary>A problem with the analyzer's own inputs (not with a template: those are findings).</summary>
    public sealed class AnalyzerException : Exception
    {
        public AnalyzerException(AnalyzerProblem problem, string message, Exception inner = null)
            : base(message, inner)
        {
            Problem = problem;
        }

        public AnalyzerProblem Problem { get; }
    }
}
