using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Binding
{
    /// <summary>A template is outside input: what it makes of the cmdlet's parameters is bounded and terminal-safe.</summary>
    public sealed class HostileTemplateParameterTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "heat-dyn-hostile-" + Guid.NewGuid().ToString("N"));

        public HostileTemplateParameterTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Write(string text)
        {
            var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(path, text);
            return path;
        }

        private static int TemplateParameterCount(PowerShellHost host, string path) =>
            int.Parse(host.Run($"(Get-Command New-HeatStack -ArgumentList web, '{path}').Parameters.Values | " +
                               "Where-Object { $_.Attributes.TypeId.Name -contains 'TemplateConstraintAttribute' } | Measure-Object | ForEach-Object Count")
                .Output.Single().ToString(), System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public void TenThousandParameters_MakeAtMostTwoHundred_Quickly()
        {
            var text = new StringBuilder("heat_template_version: 2018-08-31\nparameters:\n");
            for (int i = 0; i < 10000; i++) text.Append("  p").Append(i).Append(": {type: string, default: x}\n");
            var path = Write(text.ToString());
            using var host = new PowerShellHost(null);

            var clock = Stopwatch.StartNew();
            Assert.Equal(200, TemplateParameterCount(host, path));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        }

        [Fact]
        public void NamesPowerShellCannotTake_StayOut_AndHelpIsTerminalSafe()
        {
            var path = Write("heat_template_version: 2018-08-31\nparameters:\n" +
                             "  \"bad\\e[31mname\": {type: string, default: x}\n" +
                             "  \"with space\": {type: string, default: x}\n" +
                             "  good: {type: string, default: x, description: \"red \\e[31mtext\\u202e here\"}\n");
            using var host = new PowerShellHost(null);

            var names = host.Run($"(Get-Command New-HeatStack -ArgumentList web, '{path}').Parameters.Values | " +
                                 "Where-Object { $_.Attributes.TypeId.Name -contains 'TemplateConstraintAttribute' } | ForEach-Object Name").Output.Select(o => o.ToString());
            Assert.Equal(new[] { "good" }, names);
            var help = host.Run($"(Get-Command New-HeatStack -ArgumentList web, '{path}').Parameters['good'].Attributes.HelpMessage").Output.Single().ToString();
            TerminalAssert.Clean(help, "a template parameter's help message");
            Assert.Contains("red", help);
        }

        [Fact]
        public void AHugeAllowedList_IsNotOffered_ButStillChecked()
        {
            var values = string.Join(", ", Enumerable.Range(0, 5000).Select(i => "v" + i));
            var path = Write($"heat_template_version: 2018-08-31\nparameters:\n  size:\n    type: string\n    default: v1\n    constraints:\n      - allowed_values: [{values}]\n");
            var heat = new FakeHeat();
            using var host = new PowerShellHost(heat);

            Assert.Equal("0", host.Run($"@((Get-Command New-HeatStack -ArgumentList web, '{path}').Parameters['size'].Attributes | " +
                                       "Where-Object { $_ -is [ValidateSet] }).Count").Output.Single().ToString());
            var refused = host.RunExpectingTermination($"New-HeatStack web -TemplatePath '{path}' -size nope -Session $session");
            Assert.Contains("Parameter 'size' is invalid", refused.Terminating.Exception.Message);
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("heat_template_version: 2018-08-31\nparameters: [1, 2]\n")]
        [InlineData("heat_template_version: 2018-08-31\nparameters:\n  p: [not, a, map]\n")]
        [InlineData("{ not yaml: [\n")]
        [InlineData("heat_template_version: 2018-08-31\nparameters:\n  n: {type: number, constraints: [{range: {min: 9, max: 1}}, {length: {min: x}}]}\n")]
        public void ATemplateThatCannotBeRead_NeverStopsBinding_AndTheCmdletReportsIt(string text)
        {
            var path = Write(text);
            var heat = new FakeHeat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -TemplatePath '{path}' -Offline");

            // Run fails the test on a terminating error (GetDynamicParametersException was one); what the cmdlet finds
            // wrong it reports as it always has.
            Assert.All(result.Errors, e => Assert.StartsWith("HeatTemplateInvalid", e.FullyQualifiedErrorId));
        }
    }
}
