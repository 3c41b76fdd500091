using System;
using System.IO;
using System.Linq;
using Heat.Client.Analysis;
using Xunit;

namespace Heat.PowerShell.Tests.Analysis
{
    /// <summary>Invoke-HeatTemplateAnalyzer -Settings (PSScriptAnalyzer's shape) and -CustomRulePath, and the function
    /// table per template version.</summary>
    public sealed class AnalyzerSettingsTests : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "settings-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private const string Template =
            "heat_template_version: 2016-10-14\n" +                                              // 1
            "description: settings fixture\n" +                                                  // 2
            "parameters:\n" +                                                                    // 3
            "  unused: {type: string, description: u}\n" +                                       // 4
            "  legacy_unused: {type: string, description: l}\n" +                                // 5
            "resources:\n" +                                                                     // 6
            "  vm: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.small}}\n" +   // 7
            "  web_server: {type: OS::Heat::None}\n" +                                           // 8
            "outputs:\n" +                                                                       // 9
            "  joined: {description: j, value: {list_concat: [[1], [2]]}}\n" +                   // 10
            "  picked: {description: p, value: {if: [c, 1, 2]}}\n";                              // 11

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static string[] Rows(PowerShellHost.Result result) =>
            result.Objects<HeatTemplateDiagnostic>().Select(d => $"{d.Line}:{d.Column} {d.Severity} {d.RuleName} {d.Target}").ToArray();

        [Fact]
        public void AFunctionTheVersionDoesNotHave_IsAnError_WithTheVersionThatHasIt()
        {
            var path = Write("t.yaml", Template);
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -IncludeRule HeatFunctionNotInVersion");
            var newer = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("n.yaml", Template.Replace("2016-10-14", "2017-09-01"))}' -IncludeRule HeatFunctionNotInVersion");
            var removed = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("r.yaml", "heat_template_version: 2015-10-15\ndescription: r\nresources: {}\noutputs:\n  o: {description: o, value: {Fn::Select: [0, [1]]}}\n")}'");
            var conditions = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("k.yaml", "heat_template_version: 2017-02-24\ndescription: k\nconditions:\n  c: {equals: [1, 1]}\nresources:\n  r: {type: OS::Heat::None, condition: {not: c}}\noutputs:\n  o: {description: o, value: {if: [{not: c}, 1, 2]}}\n  p: {description: p, value: {not: c}}\n")}' -IncludeRule HeatFunctionNotInVersion");
            var cfn = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("c.yaml", "AWSTemplateFormatVersion: 2010-09-09\nDescription: c\nResources: {}\nOutputs:\n  o: {Description: o, Value: {get_param: x}}\n")}' -IncludeRule HeatFunctionNotInVersion");

            var finding = Assert.Single(result.Objects<HeatTemplateDiagnostic>());
            Assert.Equal("10:36 Error HeatFunctionNotInVersion list_concat", Rows(result).Single());
            Assert.Equal("Declare heat_template_version 2017-09-01 or later.", finding.SuggestedFix);
            Assert.Empty(Rows(newer));
            Assert.Contains(removed.Objects<HeatTemplateDiagnostic>(), d => d.RuleName == "HeatFunctionNotInVersion" && d.Target == "Fn::Select");
            Assert.Equal("get_param", Assert.Single(cfn.Objects<HeatTemplateDiagnostic>()).Target);
            Assert.Equal("9:31 Error HeatFunctionNotInVersion not", Assert.Single(Rows(conditions)));
        }

        [Fact]
        public void ASettingsFile_ChoosesRules_SetsSeverityAndOptions_AndSuppresses()
        {
            var path = Write("t.yaml", Template);
            var settings = Write("settings.psd1", @"@{
    ExcludeRules = @('HeatFunctionNotInVersion')
    Rules = @{
        HeatUnusedParameter = @{ Severity = 'Error' }
        HeatHardcodedName = @{ Properties = @('image') }
        HeatMissingDescription = @{ Enable = $false }
    }
    Suppress = @(
        @{ RuleName = 'HeatUnusedParameter'; Target = 'legacy_*'; Justification = 'kept for old environments' }
    )
}");
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -Settings '{settings}'");
            var asTable = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -Settings @{{ IncludeRules = 'HeatUnused*'; Suppress = @{{ Path = '*/t.yaml' }} }}");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "4:11 Error HeatUnusedParameter unused", "7:52 Information HeatHardcodedName vm" }, Rows(result));
            Assert.Empty(asTable.Errors);
            Assert.Empty(Rows(asTable));
        }

        [Fact]
        public void ASettingsFile_IsReadAsData_AndAMistakeInIt_StopsTheCommandNamingIt()
        {
            var path = Write("t.yaml", Template);
            var marker = Path.Combine(_folder, "ran");
            using var host = new PowerShellHost(null);

            var code = host.RunExpectingTermination($"Invoke-HeatTemplateAnalyzer '{path}' -Settings '{Write("code.psd1", $"@{{ IncludeRules = @(New-Item '{marker}') }}")}'");
            var typo = host.RunExpectingTermination($"Invoke-HeatTemplateAnalyzer '{path}' -Settings '{Write("typo.psd1", "@{ IncludeRule = 'x' }")}'");
            var option = host.RunExpectingTermination($"Invoke-HeatTemplateAnalyzer '{path}' -Settings @{{ Rules = @{{ HeatUnusedParameter = @{{ Colour = 'red' }} }} }}");

            Assert.False(File.Exists(marker));
            foreach (var result in new[] { code, typo, option })
            {
                Assert.Equal("HeatAnalyzerSettingsInvalid,Heat.PowerShell.Cmdlets.InvokeHeatTemplateAnalyzer", result.Terminating.FullyQualifiedErrorId);
            }
            Assert.Contains("IncludeRule", typo.Terminating.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Colour", option.Terminating.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ACustomRule_RunsOnEachTemplate_WithPositions_AndIsChosenAndSuppressedLikeTheOthers()
        {
            var rules = Write("MyRules.psm1", @"
function Measure-ResourceNameStyle {
    param([Heat.Client.Analysis.AnalyzedTemplate] $Template)
    foreach ($name in $Template.ResourceNames) {
        if ($name -cmatch '_') {
            @{ Message = ""Resource '$name' has an underscore.""; Target = $name; Token = $Template.Resources.Property($name); SuggestedFix = 'Use a dash.' }
        }
    }
}
function Get-NotARule { 'helper' }
Export-ModuleMember -Function *
");
            var path = Write("t.yaml", Template);
            var suppressed = Write("s.yaml", Template.Replace("  web_server:", "  # heat-analyzer: disable=Measure-ResourceNameStyle\n  web_server:"));
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{path}', '{suppressed}' -CustomRulePath '{rules}' -IncludeRule Measure-*");
            var excluded = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -CustomRulePath '{rules}' -ExcludeRule Measure-*");
            var left = host.Run("Get-Module MyRules").Output;

            Assert.Empty(result.Errors);
            var finding = Assert.Single(result.Objects<HeatTemplateDiagnostic>());
            Assert.Equal("8:3 Warning Measure-ResourceNameStyle web_server", Rows(result).Single());
            Assert.Equal("Use a dash.", finding.SuggestedFix);
            Assert.EndsWith("t.yaml", finding.File, StringComparison.Ordinal);
            Assert.DoesNotContain(excluded.Objects<HeatTemplateDiagnostic>(), d => d.RuleName.StartsWith("Measure-", StringComparison.Ordinal));
            Assert.Empty(left);
        }

        [Fact]
        public void ACustomRuleThatFails_IsAnErrorForThatTemplate_AndTheOtherRulesGoOn()
        {
            var rules = Write("Broken.psm1", "function Measure-Throws { param([Heat.Client.Analysis.AnalyzedTemplate] $Template) throw 'boom' }\n");
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("t.yaml", Template)}' -CustomRulePath '{rules}'");
            var none = host.RunExpectingTermination($"Invoke-HeatTemplateAnalyzer '{Write("t2.yaml", Template)}' -CustomRulePath '{Write("Empty.psm1", "function Get-Nothing { }\n")}'");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatCustomRuleFailed,Heat.PowerShell.Cmdlets.InvokeHeatTemplateAnalyzer", error.FullyQualifiedErrorId);
            Assert.Contains("boom", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains(result.Objects<HeatTemplateDiagnostic>(), d => d.RuleName == "HeatUnusedParameter");
            Assert.Equal("HeatCustomRuleFailed,Heat.PowerShell.Cmdlets.InvokeHeatTemplateAnalyzer", none.Terminating.FullyQualifiedErrorId);
        }
    }
}
