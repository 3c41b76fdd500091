using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Binding
{
    /// <summary>
    /// The parameters of a template named on the command line are parameters of the cmdlet (-count 3), typed, checked
    /// at binding as Heat checks them, and sent as -Parameter values are.
    /// </summary>
    public sealed class TemplateParameterTests : IDisposable
    {
        private const string Template = @"heat_template_version: 2018-08-31
parameters:
  count:
    type: number
    description: ""How many servers""
    constraints:
      - range: {min: 1, max: 5}
  debug: {type: boolean, default: false}
  zones: {type: comma_delimited_list, default: a}
  config: {type: json, default: {}}
  flavor:
    type: string
    default: small
    constraints:
      - allowed_values: [small, large]
  prefix:
    type: string
    default: ab
    constraints:
      - length: {min: 2, max: 4}
  code:
    type: string
    default: A1
    constraints:
      - allowed_pattern: '[A-Z][0-9]'
        description: A letter then a digit
  password: {type: string, hidden: true, default: x}
  tag: {type: string, default: t}
";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "heat-dyn-" + Guid.NewGuid().ToString("N"));

        public TemplateParameterTests()
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(TemplatePath, Template);
        }

        private string TemplatePath => Path.Combine(_folder, "t.yaml");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void EachType_ReachesTheRequestBody_AsHeatTakesIt()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack web -TemplatePath '{TemplatePath}' -count 3 -debugFromTemplate $true -zones a, b -config @{{ k = 1 }} " +
                                  "-flavor large -prefix abc -code B2 -password (ConvertTo-SecureString 'p@ss' -AsPlainText -Force) -Session $session");

            Assert.Empty(result.Errors);
            var sent = Assert.Single(heat.Sent(HttpMethod.Post)).Json["parameters"];
            Assert.Equal("3", sent["count"].ToString());
            Assert.Equal("true", (string)sent["debug"]);
            Assert.Equal(new[] { "a", "b" }, sent["zones"].Select(t => (string)t));
            Assert.Equal(1, (int)sent["config"]["k"]);
            Assert.Equal("large", (string)sent["flavor"]);
            Assert.Equal("abc", (string)sent["prefix"]);
            Assert.Equal("B2", (string)sent["code"]);
            Assert.Equal("p@ss", (string)sent["password"]);
        }

        /// <summary>debug is -Debug's name too: the template's is -debugFromTemplate.</summary>
        [Fact]
        public void TheTypes_AreTheTemplates()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run($"(Get-Command New-HeatStack -ArgumentList web, '{TemplatePath}').Parameters.Values | " +
                                  "Where-Object Name -in count, debugFromTemplate, zones, config, flavor, password | ForEach-Object { \"$($_.Name)=$($_.ParameterType.Name)\" }");

            Assert.Equal(new[] { "config=Hashtable", "count=Double", "debugFromTemplate=Boolean", "flavor=String", "password=SecureString", "zones=String[]" },
                result.Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("-count 9", "Parameter 'count' is invalid: 9 is out of range (min: 1, max: 5)")]
        [InlineData("-count 2 -flavor medium", "Parameter 'flavor' is invalid: \"medium\" is not an allowed value [\"small\", \"large\"]")]
        [InlineData("-count 2 -flavor Large", "Parameter 'flavor' is invalid")]
        [InlineData("-count 2 -prefix abcdef", "Parameter 'prefix' is invalid: length (6) is out of range (min: 2, max: 4)")]
        [InlineData("-count 2 -code B22", "Parameter 'code' is invalid: A letter then a digit")]
        [InlineData("-count 2 -zones a, b, c -flavor x", "Parameter 'flavor' is invalid")]
        public void AValueHeatWouldRefuse_StopsAtBinding_BeforeAnyRequest(string given, string message)
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination($"New-HeatStack web -TemplatePath '{TemplatePath}' {given} -Session $session");

            Assert.StartsWith("ParameterArgumentValidationError", result.Terminating.FullyQualifiedErrorId);
            Assert.Contains(message, result.Terminating.Exception.Message);
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("-Parameter @{ count = 2 }")]
        [InlineData("-ParameterFile @{ count = './count.txt' }")]
        [InlineData("-EnvironmentPath './env.yaml'")]
        public void AParameterWithoutDefault_IsNotMandatory_WhenGivenElsewhere(string given)
        {
            File.WriteAllText(Path.Combine(_folder, "count.txt"), "2");
            File.WriteAllText(Path.Combine(_folder, "env.yaml"), "parameter_defaults:\n  count: 2\n");
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-Location '{_folder}'; New-HeatStack web -TemplatePath ./t.yaml {given} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Single(heat.Sent(HttpMethod.Post));
        }

        [Fact]
        public void AParameterWithoutDefault_IsMandatory_AndItsNameIsInTheError()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"(Get-Command New-HeatStack -ArgumentList web, '{TemplatePath}').Parameters['count'].Attributes | " +
                                  "Where-Object { $_ -is [Parameter] } | ForEach-Object { \"$($_.Mandatory) $($_.HelpMessage)\" }");
            Assert.Equal("True How many servers", Assert.Single(result.Output).ToString());

            var missing = host.RunExpectingTermination($"New-HeatStack web -TemplatePath '{TemplatePath}' -Session $session");
            Assert.Contains("count", missing.Terminating.Exception.Message);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void PipedRecords_AreNotAskedForWhatTheirOwnParameterGives()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"[pscustomobject]@{{ StackName = 'web'; Parameter = @{{ count = 2 }} }} | New-HeatStack -TemplatePath '{TemplatePath}' -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(2, (int)Assert.Single(heat.Sent(HttpMethod.Post)).Json["parameters"]["count"]);
        }

        [Fact]
        public void ANameTheCmdletHas_IsReachedWithFromTemplate_AndThroughParameter()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            host.Run($"New-HeatStack web -TemplatePath '{TemplatePath}' -count 2 -tagFromTemplate mine -Tag ci -Session $session");
            host.Run($"New-HeatStack web -TemplatePath '{TemplatePath}' -Parameter @{{ count = 2; tag = 'other' }} -Session $session");

            var sent = heat.Sent(HttpMethod.Post).Select(r => r.Json).ToList();
            Assert.Equal("mine", (string)sent[0]["parameters"]["tag"]);
            Assert.Equal("ci", (string)sent[0]["tags"]);
            Assert.Equal("other", (string)sent[1]["parameters"]["tag"]);
        }

        [Fact]
        public void AValueGivenTwice_IsAnError_NamingIt()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack web -TemplatePath '{TemplatePath}' -count 2 -Parameter @{{ count = 3 }} -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatParameterGivenTwice", error.FullyQualifiedErrorId);
            Assert.Contains("'count'", error.Exception.Message);
            Assert.Empty(heat.Sent(HttpMethod.Post));
        }

        [Fact]
        public void AllowedValues_CompleteWithTab()
        {
            using var host = new PowerShellHost(null);
            var line = $"New-HeatStack web -TemplatePath '{TemplatePath}' -flavor ";

            var result = host.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText");

            Assert.Equal(new[] { "large", "small" }, result.Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void ParameterText_CompletesTheTemplatesNames()
        {
            using var host = new PowerShellHost(null);
            var line = $"New-HeatStack web -TemplatePath '{TemplatePath}' -Parameter co";

            var result = host.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches | ForEach-Object {{ $_.CompletionText + '|' + $_.ToolTip }}");

            Assert.Equal(new[] { "code=|code", "config=|config", "count=|count  How many servers" }, result.Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void AHashtableKey_IsNotCompletedByPowerShell_SoNothingIsPromised()
        {
            // Documents what PowerShell does today: it does not ask -Parameter's completer for a key of @{ }.
            using var host = new PowerShellHost(null);
            var line = $"New-HeatStack web -TemplatePath '{TemplatePath}' -Parameter @{{ co";

            var result = host.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText");

            Assert.DoesNotContain(result.Output, o => o?.ToString().StartsWith("count", StringComparison.Ordinal) == true);
        }

        [Fact]
        public void OnlyACreateOrAPlan_MakesThemMandatory()
        {
            using var host = new PowerShellHost(null);

            var commands = new[] { "Test-HeatTemplate", "Update-HeatStack", "Compare-HeatStack", "Set-HeatStack", "New-HeatStackPlan" };
            var result = host.Run(string.Join("; ", commands.Select(c =>
                $"(Get-Command {c} -ArgumentList '-TemplatePath', '{TemplatePath}').Parameters['count'].Attributes.Mandatory")));

            Assert.Equal(new[] { "False", "False", "False", "True", "True" }, result.Output.Select(o => o.ToString()));
        }
    }
}
