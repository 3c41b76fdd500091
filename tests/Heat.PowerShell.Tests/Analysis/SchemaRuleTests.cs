using System;
using System.IO;
using System.Linq;
using Heat.Client.Analysis;
using Xunit;

namespace Heat.PowerShell.Tests.Analysis
{
    /// <summary>The resource type rules (issue 21) against a schema file saved from a cloud, in Heat's shape and in the
    /// shape Get-HeatResourceType -Schema | ConvertTo-Json writes; child templates and an environment's registry
    /// resolved through the module's loader.</summary>
    public sealed class SchemaRuleTests : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "schemas-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        /// <summary>Two types as Heat's schema route gives them (trimmed): one with a nested list of maps, one deprecated with a required property.</summary>
        private const string HeatSchemas = @"[
  {""resource_type"": ""OS::Heat::RandomString"",
   ""properties"": {
     ""length"": {""type"": ""integer"", ""required"": false, ""default"": 32},
     ""character_classes"": {""type"": ""list"", ""required"": false, ""schema"": {""*"": {""type"": ""map"", ""required"": false,
        ""schema"": {""class"": {""type"": ""string"", ""required"": false, ""default"": ""lettersdigits""}, ""min"": {""type"": ""integer"", ""required"": false, ""default"": 1}}}}}},
   ""attributes"": {""value"": {""description"": ""The random string.""}, ""show"": {}},
   ""support_status"": {""status"": ""SUPPORTED"", ""version"": ""2014.1"", ""message"": null}},
  {""resource_type"": ""OS::Heat::Old"",
   ""properties"": {""target"": {""type"": ""string"", ""required"": true}, ""note"": {""type"": ""string"", ""required"": true, ""default"": ""x""}},
   ""attributes"": {""show"": {}},
   ""support_status"": {""status"": ""DEPRECATED"", ""version"": ""2015.1"", ""message"": ""Use OS::Heat::New instead.""}}
]";

        private const string Template =
            "heat_template_version: 2018-08-31\n" +                          // 1
            "description: schema fixture\n" +                                // 2
            "resources:\n" +                                                 // 3
            "  rand:\n" +                                                    // 4
            "    type: OS::Heat::RandomString\n" +                           // 5
            "    properties:\n" +                                            // 6
            "      lenght: 8\n" +                                            // 7
            "      character_classes:\n" +                                   // 8
            "        - {class: lowercase, mn: 1}\n" +                        // 9
            "  old:\n" +                                                     // 10
            "    type: OS::Heat::Old\n" +                                    // 11
            "    properties: {}\n" +                                         // 12
            "  nope: {type: OS::Heat::RandomStrin}\n" +                      // 13
            "outputs:\n" +                                                   // 14
            "  v: {description: v, value: {get_attr: [rand, valeu]}}\n" +    // 15
            "  s: {description: s, value: {get_attr: [rand, show]}}\n";      // 16

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static string[] Rows(PowerShellHost.Result result) =>
            result.Objects<HeatTemplateDiagnostic>().Select(d => $"{d.Line}:{d.Column} {d.RuleName} {d.Target}").ToArray();

        private static readonly string[] Findings =
        {
            "7:7 HeatUnknownProperty rand",
            "9:30 HeatUnknownProperty rand",
            "11:11 HeatDeprecatedResourceType old",
            "12:5 HeatMissingRequiredProperty old",
            "13:16 HeatUnknownResourceType nope",
            "15:48 HeatUnknownAttribute rand",
        };

        [Fact]
        public void EachTypeRule_FindsItsFault_AtItsLineAndColumn_FromHeatsSchemaShape()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("t.yaml", Template)}' -SchemaPath '{Write("schemas.json", HeatSchemas)}' -IncludeRule HeatUnknown*, HeatDeprecated*, HeatMissingRequired*");

            Assert.Empty(result.Errors);
            Assert.Equal(Findings, Rows(result));
            var diagnostics = result.Objects<HeatTemplateDiagnostic>().ToList();
            Assert.Equal("Did you mean 'length'?", diagnostics[0].SuggestedFix);
            Assert.Contains("character_classes[0].mn", diagnostics[1].Message, StringComparison.Ordinal);
            Assert.Contains("Use OS::Heat::New instead.", diagnostics[2].Message, StringComparison.Ordinal);
            Assert.Contains("'target'", diagnostics[3].Message, StringComparison.Ordinal);
            Assert.DoesNotContain("'note'", diagnostics[3].Message, StringComparison.Ordinal);
            Assert.Equal("Did you mean 'OS::Heat::RandomString'?", diagnostics[4].SuggestedFix);
            Assert.Equal("Did you mean 'value'?", diagnostics[5].SuggestedFix);
        }

        [Fact]
        public void ASchemaFileThatPowerShellWrote_GivesTheSameFindings()
        {
            using var host = new PowerShellHost(null);
            var heat = Write("schemas.json", HeatSchemas);
            var powershell = Path.Combine(_folder, "ps.json");

            // The module's own model of each schema, as Get-HeatResourceType -Schema writes it, then ConvertTo-Json.
            host.Run($"[Newtonsoft.Json.JsonConvert]::DeserializeObject((Get-Content -Raw '{heat}'), [Heat.Client.Models.HeatResourceTypeSchema[]]) | ConvertTo-Json -Depth 12 | Set-Content '{powershell}'");
            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("t.yaml", Template)}' -SchemaPath '{powershell}' -IncludeRule HeatUnknown*, HeatDeprecated*, HeatMissingRequired*");

            Assert.Empty(result.Errors);
            Assert.Equal(Findings, Rows(result));
        }

        [Fact]
        public void WithoutSchemas_TheTypeRulesSayNothing_AndACorrectTemplateHasNoFinding()
        {
            var schemas = Write("schemas.json", HeatSchemas);
            var good = Write("good.yaml",
                "heat_template_version: 2018-08-31\ndescription: d\nresources:\n" +
                "  rand: {type: OS::Heat::RandomString, properties: {length: 8, character_classes: [{class: digits, min: 2}]}}\n" +
                "  old2: {type: OS::Heat::RandomString, properties: {length: {get_param: OS::stack_name}}}\n" +
                "outputs:\n  v: {description: v, value: {get_attr: [rand, value]}}\n");
            using var host = new PowerShellHost(null);

            Assert.Empty(Rows(host.Run($"Invoke-HeatTemplateAnalyzer '{Write("t.yaml", Template)}' -IncludeRule HeatUnknown*, HeatDeprecated*, HeatMissingRequired*")));
            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{good}' -SchemaPath '{schemas}'");
            Assert.Empty(result.Errors);
            Assert.Empty(Rows(result));
        }

        [Fact]
        public void AChildTemplate_TakesItsParameters_AndGivesItsOutputs_AndTheRegistryMapsTypes()
        {
            Write("child.yaml", "heat_template_version: 2018-08-31\ndescription: c\nparameters:\n  size: {type: number, description: s}\n" +
                                "  name: {type: string, default: n, description: n}\nresources: {}\noutputs:\n  out: {description: o, value: 1}\n");
            var env = Write("env.yaml", "resource_registry:\n  My::Child: child.yaml\n");
            var parent = Write("parent.yaml",
                "heat_template_version: 2018-08-31\n" +                               // 1
                "description: p\n" +                                                  // 2
                "resources:\n" +                                                      // 3
                "  direct: {type: child.yaml, properties: {size: 1, colour: red}}\n" + // 4
                "  mapped:\n" +                                                       // 5
                "    type: My::Child\n" +                                             // 6
                "outputs:\n" +                                                        // 7
                "  a: {description: a, value: {get_attr: [direct, out]}}\n" +         // 8
                "  b: {description: b, value: {get_attr: [mapped, outt]}}\n");        // 9
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{parent}' -EnvironmentPath '{env}' -IncludeRule HeatUnknown*, HeatMissingRequired*");
            var withoutEnvironment = host.Run($"Invoke-HeatTemplateAnalyzer '{parent}' -IncludeRule HeatUnknown*, HeatMissingRequired*");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "4:52 HeatUnknownProperty direct", "5:3 HeatMissingRequiredProperty mapped", "9:50 HeatUnknownAttribute mapped" }, Rows(result));
            Assert.Equal(new[] { "4:52 HeatUnknownProperty direct" }, Rows(withoutEnvironment));
        }

        [Fact]
        public void ATypeOfANamespaceTheCloudDoesNotOffer_IsAWarning_NotAnError()
        {
            var path = Write("k.yaml", "heat_template_version: 2018-08-31\ndescription: k\nresources:\n  d: {type: OS::Keystone::Domain}\n  r: {type: OS::Heat::RandomStrin}\n");
            using var host = new PowerShellHost(null);

            var rows = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -SchemaPath '{Write("schemas.json", HeatSchemas)}' -IncludeRule Heat*ResourceType")
                .Objects<HeatTemplateDiagnostic>().Select(d => $"{d.Line} {d.Severity} {d.RuleName}").ToArray();

            Assert.Equal(new[] { "4 Warning HeatUnavailableResourceType", "5 Error HeatUnknownResourceType" }, rows);
        }

        [Fact]
        public void AMissingChildTemplate_IsAnErrorAtItsReference()
        {
            var parent = Write("parent.yaml", "heat_template_version: 2018-08-31\ndescription: p\nresources:\n  c: {type: gone.yaml}\n");
            using var host = new PowerShellHost(null);

            var finding = Assert.Single(host.Run($"Invoke-HeatTemplateAnalyzer '{parent}'").Objects<HeatTemplateDiagnostic>());

            Assert.Equal("HeatTemplateInvalid", finding.RuleName);
            Assert.Contains("gone.yaml", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ASchemaFileThatIsNotOne_StopsTheCommand_WithItsErrorId()
        {
            using var host = new PowerShellHost(null);

            var result = host.RunExpectingTermination($"Invoke-HeatTemplateAnalyzer '{Write("t.yaml", Template)}' -SchemaPath '{Write("x.json", "{\"a\": 1}")}'");

            Assert.Equal("HeatResourceSchemaInvalid,Heat.PowerShell.Cmdlets.InvokeHeatTemplateAnalyzer", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(result.Objects<HeatTemplateDiagnostic>());
        }
    }
}
