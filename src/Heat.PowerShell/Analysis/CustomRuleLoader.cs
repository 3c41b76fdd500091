using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace Heat.PowerShell.Analysis
{
    /// <summary>
    /// Imports custom rule scripts and modules (-CustomRulePath: .ps1, .psm1 or .psd1 files, or the folders holding
    /// them) and finds their rules: the exported functions that take an AnalyzedTemplate. The modules are removed again
    /// when the command ends, so a run leaves the session as it found it.
    /// </summary>
    internal sealed class CustomRuleLoader
    {
        private static readonly string[] Extensions = { ".ps1", ".psm1", ".psd1" };

        private readonly PSCmdlet _cmdlet;
        private readonly List<PSModuleInfo> _modules = new List<PSModuleInfo>();

        public CustomRuleLoader(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <exception cref="AnalyzerException">A path that is not there, a script that does not import, or one without a rule.</exception>
        public IEnumerable<ScriptTemplateRule> Load(string path)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !f.EndsWith(".Tests.ps1", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal).ToList()
                : File.Exists(path) ? new List<string> { path } : throw new AnalyzerException(AnalyzerProblem.CustomRule, $"Custom rule path {path} does not exist.");
            var rules = new List<ScriptTemplateRule>();
            foreach (var file in files)
            {
                PSModuleInfo module;
                try
                {
                    module = _cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($p) Import-Module -Name $p -PassThru -Force -DisableNameChecking -ErrorAction Stop"), null, file)
                        .Select(o => o.BaseObject).OfType<PSModuleInfo>().FirstOrDefault();
                }
                catch (RuntimeException e)
                {
                    throw new AnalyzerException(AnalyzerProblem.CustomRule, $"Custom rules in {file} do not load: {e.Message}", e);
                }
                if (module == null) continue;
                _modules.Add(module);
                rules.AddRange(module.ExportedFunctions.Values.Where(ScriptTemplateRule.IsRule).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new ScriptTemplateRule(f, file)));
            }
            if (rules.Count == 0)
            {
                throw new AnalyzerException(AnalyzerProblem.CustomRule,
                    $"{path} has no custom rule: a rule is a function with a parameter typed [Heat.Client.Analysis.AnalyzedTemplate].");
            }
            return rules;
        }

        /// <summary>Removes the modules this run imported.</summary>
        public void Unload()
        {
            if (_modules.Count == 0) return;
            _cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($m) $m | Remove-Module -Force -ErrorAction SilentlyContinue"), null, new object[] { _modules.ToArray() });
            _modules.Clear();
        }
    }
}
