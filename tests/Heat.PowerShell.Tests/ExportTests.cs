using System.Linq;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What a user gets from Export-Csv / ConvertTo-Csv: content, not type names; and the objects stay usable.</summary>
    public class ExportTests
    {
        private static FakeHeat WebWithOutputs()
        {
            var stack = HeatFixtures.StackDetail("web", "s1")
                .With("tags", new JArray("ci", "nightly"))
                .With("outputs", new JArray(
                    new JObject { ["output_key"] = "url", ["output_value"] = "http://10.0.0.5/", ["description"] = "Where it answers" },
                    new JObject { ["output_key"] = "ports", ["output_value"] = new JArray(80, 443), ["description"] = "Open ports" }));
            return new FakeHeat().ShowsStack(stack);
        }

        [Fact]
        public void AStackInCsv_ShowsItsTagsOutputsAndParameters_NotTypeNames()
        {
            using var host = new PowerShellHost(WebWithOutputs());

            var result = host.Run("Get-HeatStack web -Session $session | ConvertTo-Csv | ConvertFrom-Csv");

            var row = Assert.Single(result.Output);
            Assert.Equal("ci,nightly", row.Properties["Tags"].Value);
            Assert.Equal("url=http://10.0.0.5/; ports=[80,443]", row.Properties["OutputDetails"].Value);
            Assert.Equal("ports=[80,443]; url=http://10.0.0.5/", row.Properties["Outputs"].Value);
            Assert.Contains("OS::stack_name=web", (string)row.Properties["Parameters"].Value);
            Assert.DoesNotContain(result.Output.SelectMany(o => o.Properties), p => p.Value is string v && (v.StartsWith("System.") || v.StartsWith("Heat.Client")));
            Assert.Equal("self: " + FakeHeat.DefaultEndpoint + "/stacks/web/s1", row.Properties["Links"].Value);
        }

        [Fact]
        public void TheCollections_StayCollectionsInAPipeline()
        {
            using var host = new PowerShellHost(WebWithOutputs());

            var result = host.Run("$s = Get-HeatStack web -Session $session; " +
                                  "$s.Tags -contains 'ci'; $s.Tags.Count; $s.Outputs.url; $s.Outputs.URL; $s.OutputDetails[1].OutputKey; " +
                                  "($s.OutputDetails | Where-Object OutputKey -eq url).Description; $s.Parameters['OS::stack_name']; " +
                                  "@($s.Tags)[1]; $s.CreationTime -lt (Get-Date); (Get-Date) -gt $s.CreationTime");

            Assert.Equal(new object[] { true, 2, "http://10.0.0.5/", "http://10.0.0.5/", "ports", "Where it answers", "web", "nightly", true, true },
                result.Output.Select(o => o.BaseObject).ToArray());
        }

        [Fact]
        public void AResourceInCsv_ShowsWhatRequiresIt()
        {
            var resource = HeatFixtures.Resource("net", "OS::Heat::None", "web", "s1").With("required_by", new JArray("server", "port"));
            using var host = new PowerShellHost(new FakeHeat().ListsResources("web", "s1", resource));

            var result = host.Run("Get-HeatResource web -Session $session | ConvertTo-Csv | ConvertFrom-Csv");

            Assert.Equal("server,port", Assert.Single(result.Output).Properties["RequiredBy"].Value);
        }
    }
}
