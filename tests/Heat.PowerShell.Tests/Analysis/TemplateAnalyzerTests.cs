using System;
using System.IO;
using System.Linq;
using Heat.Client.Analysis;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests.Analysis
{
    /// <summary>Invoke-HeatTemplateAnalyzer (issue 21): each rule at a known line and column, and not where it should not
    /// be; suppressions; rule choice; SARIF read back.</summary>
    public sealed class TemplateAnalyzerTests : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "analyzer-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        /// <summary>Every rule fires once or more, each at a line the comment says.</summary>
        private const string Faulty =
            "heat_template_version: 2018-08-31\n" +                                         // 1
            "description: fixture\n" +                                                      // 2
            "parameters:\n" +                                                               // 3
            "  flavor: {type: string, description: f}\n" +                                  // 4
            "  unused: {type: string, description: u}\n" +                                  // 5
            "  db_password: {type: string, default: x, description: p}\n" +                 // 6
            "  admin_token: {type: string, hidden: true, description: t}\n" +               // 7
            "resources:\n" +                                                                // 8
            "  server:\n" +                                                                 // 9
            "    type: OS::Heat::TestResource\n" +                                          // 10
            "    depends_on: [missing_dep]\n" +                                             // 11
            "    properties:\n" +                                                           // 12
            "      value: {get_param: flavr}\n" +                                           // 13
            "  a: {type: OS::Heat::None, depends_on: b}\n" +                                // 14
            "  b: {type: OS::Heat::None, depends_on: a}\n" +                                // 15
            "  vm: {type: OS::Nova::Server, properties: {image: cirros, flavor: {get_param: flavor}}}\n" + // 16
            "outputs:\n" +                                                                  // 17
            "  token: {description: t, value: {get_param: admin_token}}\n" +                // 18
            "  pw: {value: {get_attr: [servr, output]}}\n";                                 // 19

        /// <summary>The same stack, written well: no finding.</summary>
        private const string Clean =
            "heat_template_version: 2018-08-31\n" +
            "description: clean\n" +
            "parameters:\n" +
            "  image: {type: string, description: i}\n" +
            "  db_password: {type: string, hidden: true, description: p}\n" +
            "resources:\n" +
            "  db: {type: OS::Heat::TestResource, properties: {value: {get_param: db_password}}}\n" +
            "  vm: {type: OS::Nova::Server, depends_on: db, properties: {image: {get_param: image}, flavor: {get_resource: db}}}\n" +
            "outputs:\n" +
            "  id: {description: the server, value: {get_attr: [vm, show]}}\n";

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static string[] Rows(PowerShellHost.Result result) =>
            result.Objects<HeatTemplateDiagnostic>().Select(d => $"{d.Line}:{d.Column} {d.RuleName} {d.Target}").ToArray();

        [Fact]
        public void EachRule_FindsItsFault_AtItsLineAndColumn()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("faulty.yaml", Faulty)}'");

            Assert.Empty(result.Errors);
            Assert.Equal(new[]
            {
                "5:11 HeatUnusedParameter unused",
                "6:16 HeatSecretParameter db_password",
                "6:16 HeatUnusedParameter db_password",
                "6:40 HeatSecretParameter db_password",
                "11:18 HeatMissingReference missing_dep",
                "13:26 HeatMissingReference flavr",
                "14:6 HeatDependencyCycle a",
                "16:52 HeatHardcodedName vm",
                "18:46 HeatOutputExposesHidden admin_token",
                "19:7 HeatMissingDescription pw",
                "19:27 HeatMissingReference servr",
            }, Rows(result));
            var missing = result.Objects<HeatTemplateDiagnostic>().Single(d => d.Target == "servr");
            Assert.Equal(HeatDiagnosticSeverity.Error, missing.Severity);
            Assert.Equal("Did you mean 'server'?", missing.SuggestedFix);
            Assert.All(result.Objects<HeatTemplateDiagnostic>(), d => Assert.EndsWith("faulty.yaml", d.File, StringComparison.Ordinal));
        }

        [Fact]
        public void AWellWrittenTemplate_HasNoFinding()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run($"Invoke-HeatTemplateAnalyzer '{Write("clean.yaml", Clean)}'");

            Assert.Empty(result.Errors);
            Assert.Empty(Rows(result));
        }

        [Fact]
        public void ACommentSuppressesARule_ForItsLine_OrForTheFile()
        {
            var text = Faulty
                .Replace("  unused: {type: string, description: u}\n", "  # heat-analyzer: disable=HeatUnusedParameter\n  unused: {type: string, description: u}\n")
                + "# heat-analyzer: disable-file=HeatHardcoded*, HeatMissingDescription\n";
            using var host = new PowerShellHost(null);

            var rows = Rows(host.Run($"Invoke-HeatTemplateAnalyzer '{Write("suppressed.yaml", text)}'"));

            Assert.DoesNotContain(rows, r => r.EndsWith("HeatUnusedParameter unused", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.EndsWith("HeatUnusedParameter db_password", StringComparison.Ordinal));
            Assert.DoesNotContain(rows, r => r.Contains("HeatHardcodedName") || r.Contains("HeatMissingDescription"));
        }

        [Fact]
        public void IncludeExcludeAndSeverity_ChooseTheRules()
        {
            var path = Write("faulty.yaml", Faulty);
            using var host = new PowerShellHost(null);

            var included = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -IncludeRule HeatMissing*").Objects<HeatTemplateDiagnostic>().Select(d => d.RuleName).Distinct();
            var excluded = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -ExcludeRule HeatMissing*, HeatSecret*").Objects<HeatTemplateDiagnostic>().Select(d => d.RuleName).Distinct();
            var errors = host.Run($"Invoke-HeatTemplateAnalyzer '{path}' -Severity Error").Objects<HeatTemplateDiagnostic>().Select(d => d.Severity).Distinct();

            Assert.Equal(new[] { "HeatMissingDescription", "HeatMissingReference" }, included.OrderBy(n => n, StringComparer.Ordinal));
            Assert.DoesNotContain(excluded, n => n.StartsWith("HeatMissing", StringComparison.Ordinal) || n.StartsWith("HeatSecret", StringComparison.Ordinal));
            Assert.Equal(new[] { HeatDiagnosticSeverity.Error }, errors);
        }

        [Fact]
        public void AFolder_IsReadWhole_PassingOverEnvironmentsAndOtherYaml_AndABrokenFileIsAFindingAtItsFault()
        {
            Write("clean.yaml", Clean);
            Write("env.yaml", "parameter_defaults:\n  image: cirros\n");
            Write("ci.yaml", "- job: build\n- job: test\n");
            Directory.CreateDirectory(Path.Combine(_folder, "sub"));
            Write(Path.Combine("sub", "broken.yaml"), "heat_template_version: 2018-08-31\nresources:\n  r: {type: [\n");
            using var host = new PowerShellHost(null);

            var top = host.Run($"Invoke-HeatTemplateAnalyzer '{_folder}'");
            var all = host.Run($"Invoke-HeatTemplateAnalyzer '{_folder}' -Recurse");

            Assert.Empty(top.Errors);
            Assert.Empty(Rows(top));
            var broken = Assert.Single(all.Objects<HeatTemplateDiagnostic>());
            Assert.Equal("HeatTemplateInvalid", broken.RuleName);
            Assert.EndsWith("broken.yaml", broken.File, StringComparison.Ordinal);
            Assert.Equal(4, broken.Line);
        }

        [Fact]
        public void Sarif_HasTheShapeOf210_WithRulesAndLocations()
        {
            var path = Write("faulty.yaml", Faulty);
            var sarif = Path.Combine(_folder, "out.sarif");
            using var host = new PowerShellHost(null);

            host.Run($"Set-Location '{_folder}'; Invoke-HeatTemplateAnalyzer '{path}' -Format Sarif -OutFile '{sarif}'");

            var log = JObject.Parse(File.ReadAllText(sarif));
            Assert.Equal("2.1.0", (string)log["version"]);
            Assert.NotNull(log["$schema"]);
            var run = (JObject)Assert.Single((JArray)log["runs"]);
            var rules = ((JArray)run["tool"]["driver"]["rules"]).Select(r => (string)r["id"]).ToList();
            Assert.Contains("HeatMissingReference", rules);
            Assert.All((JArray)run["tool"]["driver"]["rules"], r => Assert.False(string.IsNullOrEmpty((string)r["shortDescription"]["text"])));
            var results = (JArray)run["results"];
            Assert.Equal(11, results.Count);
            var first = results.Single(r => ((string)r["message"]["text"]).Contains("flavr"));
            Assert.Equal("error", (string)first["level"]);
            Assert.Equal("HeatMissingReference", rules[(int)first["ruleIndex"]]);
            var location = first["locations"][0]["physicalLocation"];
            Assert.Equal("faulty.yaml", (string)location["artifactLocation"]["uri"]);
            Assert.Equal(13, (int)location["region"]["startLine"]);
            Assert.Equal(26, (int)location["region"]["startColumn"]);
        }
    }
}
