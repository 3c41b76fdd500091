using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What a new user pipes into New-HeatStack: names, and CSV rows whose Parameter column is text.</summary>
    public sealed class NewHeatStackPipelineTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("heat-csv-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static FakeHeat CreatingHeat()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "stacks").Answer(request =>
            {
                var name = (string)JObject.Parse(request.Content.ReadAsStringAsync().Result)["stack_name"];
                return FakeHeat.JsonResponse(HttpStatusCode.Created, new JObject { ["stack"] = HeatFixtures.CreatedStack(name, name + "-id", heat.Endpoint) });
            });
            return heat;
        }

        private string Template()
        {
            var path = Path.Combine(_folder, "t.yaml");
            File.WriteAllText(path, "heat_template_version: 2018-08-31\nparameters:\n  n: {type: number, default: 3}\n  zone: {type: string, default: a}\n");
            return path;
        }

        [Fact]
        public void PipedNames_MakeOneStackEach()
        {
            var heat = CreatingHeat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"'a', 'b' | New-HeatStack -TemplatePath '{Template()}' -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "a", "b" }, heat.Sent(HttpMethod.Post).Select(r => (string)r.Json["stack_name"]).OrderBy(n => n));
        }

        [Fact]
        public void CsvParameterColumn_ReachesHeat_AsPairsOrJson()
        {
            var heat = CreatingHeat();
            var csv = Path.Combine(_folder, "stacks.csv");
            File.WriteAllText(csv, "StackName,Parameter\na,n=2;zone=b\nb,\"{\"\"n\"\": 5}\"\nc,\n");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Import-Csv '{csv}' | New-HeatStack -TemplatePath '{Template()}' -Session $session");

            Assert.Empty(result.Errors);
            var bodies = heat.Sent(HttpMethod.Post).Select(r => r.Json).ToDictionary(b => (string)b["stack_name"]);
            Assert.Equal("2", (string)bodies["a"]["parameters"]["n"]);
            Assert.Equal("b", (string)bodies["a"]["parameters"]["zone"]);
            Assert.Equal("5", (string)bodies["b"]["parameters"]["n"]);
            // A blank cell gives no parameters: the template's defaults, as the user wrote nothing.
            Assert.True(bodies["c"]["parameters"] == null || !((JObject)bodies["c"]["parameters"]).HasValues);
        }

        [Fact]
        public void CsvParameterColumn_ThatIsNeitherForm_IsAnErrorForItsRow_AndMakesNoStack()
        {
            var heat = CreatingHeat();
            var csv = Path.Combine(_folder, "stacks.csv");
            File.WriteAllText(csv, "StackName,Parameter\na,two\nb,n=4\n");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Import-Csv '{csv}' | New-HeatStack -TemplatePath '{Template()}' -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Contains("name=value", error.Exception.Message);
            Assert.Equal(new[] { "b" }, heat.Sent(HttpMethod.Post).Select(r => (string)r.Json["stack_name"]));
            Assert.Equal("4", (string)heat.Sent(HttpMethod.Post).Single().Json["parameters"]["n"]);
        }
    }
}
