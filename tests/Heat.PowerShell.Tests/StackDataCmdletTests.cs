using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What Heat holds for a stack: Get-HeatStackTemplate, Get-HeatStackEnvironment, Get-HeatStackFile.</summary>
    public class StackDataCmdletTests
    {
        private static readonly JObject Template = JObject.Parse(@"{
            ""heat_template_version"": ""2018-08-31"",
            ""parameters"": {""flavor"": {""type"": ""string"", ""default"": ""small""}},
            ""resources"": {""boot"": {""type"": ""OS::Heat::SoftwareConfig"", ""properties"": {""config"": {""get_file"": ""file:///srv/web/boot.sh""}}}}}");

        private static readonly JObject Environment = JObject.Parse(@"{
            ""parameters"": {""db_password"": ""******""},
            ""parameter_defaults"": {""flavor"": ""large"", ""ports"": [80, 443]},
            ""resource_registry"": {""resources"": {""boot"": {""hooks"": ""pre-create""}}},
            ""encrypted_param_names"": [],
            ""event_sinks"": []}");

        private static readonly JObject Files = new JObject
        {
            ["file:///srv/web/boot.sh"] = "#!/bin/sh\necho booted\n",
            ["file:///srv/web/env/prod.yaml"] = "parameter_defaults: {flavor: large}\n",
        };

        /// <summary>web (1) and db (2), each holding the same template, environment and files; no stack named gone.</summary>
        private static FakeHeat Heat()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("web", "1"), HeatFixtures.Stack("db", "2"))
                .ShowsStack(HeatFixtures.StackDetail("web", "1")).ShowsStack(HeatFixtures.StackDetail("db", "2"))
                .MissingStack("gone");
            foreach (var (name, id) in new[] { ("web", "1"), ("db", "2") })
            {
                heat.On(HttpMethod.Get, $"stacks/{name}/{id}/template").Json(HttpStatusCode.OK, Template);
                heat.On(HttpMethod.Get, $"stacks/{name}/{id}/environment").Json(HttpStatusCode.OK, Environment);
                heat.On(HttpMethod.Get, $"stacks/{name}/{id}/files").Json(HttpStatusCode.OK, Files);
            }
            return heat;
        }

        [Fact]
        public void GetHeatStackTemplate_WritesTheTemplateHeatHolds_AsIndentedJson()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackTemplate web -Session $session");

            Assert.Empty(result.Errors);
            var text = Assert.Single(result.Objects<string>());
            Assert.Equal(Template.ToString(Newtonsoft.Json.Formatting.Indented), text);
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/template" }, heat.Log);
        }

        [Fact]
        public void GetHeatStackTemplate_TheTextReadsBackAsTheTemplate()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("(Get-HeatStackTemplate web -Session $session | ConvertFrom-Json).resources.boot.type");

            Assert.Equal("OS::Heat::SoftwareConfig", Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void GetHeatStackTemplate_PipedStacks_AreReadByIdWithoutALookup_AndAMissingOneIsAnError()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var piped = host.Run("Get-HeatStack -Session $session | Get-HeatStackTemplate -Session $session");
            var named = host.Run("Get-HeatStackTemplate gone, db -Session $session");

            Assert.Empty(piped.Errors);
            Assert.Equal(2, piped.Objects<string>().Count());
            Assert.Contains("GET stacks/web/1/template", heat.Log);
            Assert.DoesNotContain("GET stacks/web", heat.Log);
            var error = Assert.Single(named.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStackTemplate", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
            Assert.Single(named.Objects<string>());
        }

        [Fact]
        public void GetHeatStackEnvironment_IsAHashtable_ToReadWithDots_HiddenValuesAsHeatMasksThem()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("$e = Get-HeatStackEnvironment web -Session $session; $e -is [hashtable]; $e.parameter_defaults.flavor; " +
                                  "$e.parameter_defaults.ports.Count; $e.resource_registry.resources.boot.hooks; $e.parameters.db_password");

            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { true, "large", 2, "pre-create", "******" }, result.Output.Select(o => o.BaseObject).ToArray());
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/environment" }, heat.Log);
        }

        [Fact]
        public void GetHeatStackEnvironment_OnePerStack_AndAMissingOneIsAnError()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("'web', 'gone', 'db' | Get-HeatStackEnvironment -Session $session");

            Assert.Equal(2, result.Objects<Hashtable>().Count());
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStackEnvironment", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
        }

        [Fact]
        public void GetHeatStackFile_MapsEachUrlToItsContent()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("$f = Get-HeatStackFile web -Session $session; $f.Keys | Sort-Object; $f['file:///srv/web/boot.sh']");

            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { "file:///srv/web/boot.sh", "file:///srv/web/env/prod.yaml", "#!/bin/sh\necho booted\n" },
                result.Output.Select(o => o.BaseObject).ToArray());
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/files" }, heat.Log);
        }

        [Fact]
        public void GetHeatStackFile_AStackSentWithoutFiles_IsAnEmptyHashtable()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("bare", "3"));
            heat.On(HttpMethod.Get, "stacks/bare/3/files").Json(HttpStatusCode.OK, new JObject());
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackFile bare -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(Assert.Single(result.Objects<Hashtable>()));
        }
    }
}
