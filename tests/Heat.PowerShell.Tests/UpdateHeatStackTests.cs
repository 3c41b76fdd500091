using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class UpdateHeatStackTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        private static FakeHeat Stack()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "CREATE_COMPLETE")
                .With("parameters", new JObject { ["flavor"] = "small", ["secret"] = "******", ["OS::stack_name"] = "web" }));
            heat.On(new HttpMethod("PATCH"), "stacks/web/1").Status(HttpStatusCode.Accepted);
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, new JObject
            {
                ["resource_changes"] = new JObject
                {
                    ["replaced"] = new JArray(new JObject { ["resource_name"] = "server", ["resource_type"] = "OS::Nova::Server", ["stack_name"] = "web" }),
                    ["added"] = new JArray(new JObject { ["resource_name"] = "extra", ["resource_type"] = "OS::Heat::None", ["stack_name"] = "web" }),
                },
            });
            heat.On(HttpMethod.Put, "stacks/web/1").Status(HttpStatusCode.Accepted);
            heat.On(HttpMethod.Get, "stacks/web/1/template").Json(HttpStatusCode.OK, JObject.Parse(@"{
                ""heat_template_version"": ""2018-08-31"",
                ""parameters"": {""flavor"": {""type"": ""string"", ""default"": ""small""}, ""secret"": {""type"": ""string"", ""hidden"": true}},
                ""resources"": {""server"": {""type"": ""OS::Nova::Server"", ""properties"": {""flavor"": {""get_param"": ""flavor""}, ""image"": ""cirros""}}}}"));
            return heat;
        }

        private const string NewTemplate = @"'heat_template_version: 2018-08-31
parameters:
  flavor: {type: string, default: small}
  secret: {type: string, hidden: true}
resources:
  server: {type: OS::Nova::Server, properties: {flavor: {get_param: flavor}, image: fedora}}
  extra: {type: OS::Heat::None}'";

        [Fact]
        public void WhatIf_WritesWhatWouldChange_PropertiesAndParametersToo_AndChangesNothing()
        {
            var heat = Stack();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Update-HeatStack web -Template {NewTemplate} -Parameter @{{ flavor = 'large'; secret = 'pa55' }} -WhatIf -Session $session");

            var rows = result.Objects<HeatStackDifference>().Select(d => $"{d.Kind} {d.Change} {d.Name} {d.Property} {d.Before} -> {d.After}").ToList();
            Assert.Contains("Resource Added extra   -> ", rows);
            Assert.Contains("Resource Replaced server properties.image cirros -> fedora", rows);
            Assert.Contains("Parameter Changed flavor  small -> large", rows);
            Assert.Contains("Parameter Unknown secret  (hidden) -> (hidden)", rows);
            Assert.DoesNotContain(rows, r => r.Contains("pa55"));
            Assert.DoesNotContain(heat.Log, l => l == "PUT stacks/web/1" || l.StartsWith("PATCH"));
            Assert.Contains(result.HostLines, l => l.Contains("What if") && l.Contains("Update Heat stack") && l.Contains("web"));
        }

        [Fact]
        public void NoReplace_RefusesAnUpdateThatWouldReplace_AndSendsNone()
        {
            var heat = Stack();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Update-HeatStack web -Template {Template} -NoReplace -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatStackReplaceRefused,", error.FullyQualifiedErrorId);
            Assert.Contains("server (OS::Nova::Server)", error.Exception.Message);
            // The client says what it refused; the module says which parameter did it.
            Assert.DoesNotContain("-NoReplace", error.Exception.Message);
            Assert.Contains("-NoReplace refuses an update that replaces resources", error.ToString());
            Assert.DoesNotContain("PUT stacks/web/1", heat.Log);
        }

        [Fact]
        public void Existing_PatchesOnlyWhatIsGiven()
        {
            var heat = Stack();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Update-HeatStack web -Existing -Parameter @{ size = 'large' } -ClearParameter old -Force -Session $session");

            Assert.Empty(result.Errors);
            var sent = Assert.Single(heat.Sent(new HttpMethod("PATCH"))).Json;
            Assert.Null(sent["template"]);
            Assert.Equal("large", (string)sent["parameters"]["size"]);
            Assert.Equal(new[] { "old" }, sent["clear_parameters"].Select(t => (string)t));
            Assert.Null(sent["disable_rollback"]);
        }

        [Fact]
        public void Converge_AsksHeatToCompareWithWhatReallyExists_AndOnlyThen()
        {
            var heat = Stack();
            using var host = new PowerShellHost(heat);

            host.Run("Update-HeatStack web -Existing -Converge -Force -Session $session");
            host.Run("Update-HeatStack web -Existing -Force -Session $session");

            var sent = heat.Sent(new HttpMethod("PATCH"));
            Assert.Equal(2, sent.Count);
            Assert.True((bool)sent[0].Json["converge"]);
            Assert.Null(sent[1].Json["converge"]);
        }
    }
}
