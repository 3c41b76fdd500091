using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>New-, Get- and Remove-HeatSoftwareConfig against a fake Heat: what is sent, what is written, which errors.</summary>
    public sealed class SoftwareConfigCmdletTests : IDisposable
    {
        private const string Id = "3c9e4a8e-6a3e-4f51-9d5b-0c1f2e3d4a5b";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "heat-sc-" + Guid.NewGuid().ToString("N"));

        public SoftwareConfigCmdletTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, true);

        private static JObject SentBody(FakeHeat heat) => heat.Requests.Single(r => r.Method == "POST").Json;

        [Fact]
        public void New_FromARelativeScriptPath_WithInputsInEachForm()
        {
            File.WriteAllText(Path.Combine(_folder, "deploy.sh"), "#!/bin/sh\necho $greeting\n");
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "deploy"));
            using var host = new PowerShellHost(heat);
            host.Run($"Set-Location '{_folder}'");

            var result = host.Run("New-HeatSoftwareConfig deploy -Group script -ConfigPath ./deploy.sh " +
                "-Input greeting, 'port=Number', @{ Name = 'mode'; Default = 'fast'; ReplaceOnChange = $true } " +
                "-Output result, @{ name = 'error'; error_output = $true } -Option @{ verbose = $true } -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(Id, result.Objects<HeatSoftwareConfig>().Single().Id);
            Assert.True(JToken.DeepEquals(JObject.Parse(@"{
                ""name"": ""deploy"", ""group"": ""script"", ""config"": ""#!/bin/sh\necho $greeting\n"",
                ""inputs"": [ { ""name"": ""greeting"" }, { ""name"": ""port"", ""type"": ""Number"" },
                              { ""name"": ""mode"", ""default"": ""fast"", ""replace_on_change"": true } ],
                ""outputs"": [ { ""name"": ""result"" }, { ""name"": ""error"", ""error_output"": true } ],
                ""options"": { ""verbose"": true } }"), SentBody(heat)), SentBody(heat).ToString());
        }

        [Fact]
        public void New_FromPipedFiles_MakesAConfigPerFile_NamedAfterIt()
        {
            File.WriteAllText(Path.Combine(_folder, "a.sh"), "echo a\n");
            File.WriteAllText(Path.Combine(_folder, "b.sh"), "echo b\n");
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "a.sh"));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Get-ChildItem '{_folder}' -Filter *.sh | Sort-Object Name | New-HeatSoftwareConfig -Group script -Session $session");

            Assert.Empty(result.Errors);
            var bodies = heat.Requests.Select(r => r.Json).ToList();
            Assert.Equal(new[] { "a.sh", "b.sh" }, bodies.Select(b => (string)b["name"]));
            Assert.Equal(new[] { "echo a\n", "echo b\n" }, bodies.Select(b => (string)b["config"]));
            Assert.All(bodies, b => Assert.Equal("script", (string)b["group"]));
        }

        [Fact]
        public void New_FromADefinitionFile_AParameterReplacingItsSection()
        {
            File.WriteAllText(Path.Combine(_folder, "def.yaml"), "inputs:\n- name: port\n  type: Number\n  default: 80\noutputs:\n- name: dropped\noptions:\n  a: 1\n");
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "web"));
            using var host = new PowerShellHost(heat);

            host.Run($"New-HeatSoftwareConfig web -Config 'echo hi' -DefinitionPath '{_folder}/def.yaml' -Output result -Session $session");

            var body = SentBody(heat);
            Assert.Equal(80, (int)body["inputs"][0]["default"]);
            Assert.Equal("result", (string)body["outputs"].Single()["name"]);
            Assert.Equal(1, (int)body["options"]["a"]);
            Assert.Equal("Heat::Ungrouped", (string)body["group"]);
            Assert.Equal("echo hi", (string)body["config"]);
        }

        [Fact]
        public void New_FromADevice_IsAnError_AndSendsNothing()
        {
            if (Path.DirectorySeparatorChar == '\\') return;
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "x"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatSoftwareConfig x -ConfigPath /dev/zero -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatTemplateInvalid,Heat.PowerShell.Cmdlets.NewHeatSoftwareConfig", error.FullyQualifiedErrorId);
            Assert.Contains("character device", error.Exception.Message);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void New_FromAPipedConfig_CopiesIt_UnderTheNewName()
        {
            var original = SoftwareFixtures.Config(Id, "deploy").With("options", new JObject { ["retries"] = 3 });
            var heat = new FakeHeat().ShowsSoftwareConfig(original).CreatesSoftwareConfig(SoftwareFixtures.Config("copy-id", "deploy-v2"));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Get-HeatSoftwareConfig {Id} -Session $session | New-HeatSoftwareConfig -Name deploy-v2 -Session $session");

            Assert.Empty(result.Errors);
            var body = SentBody(heat);
            Assert.Equal("deploy-v2", (string)body["name"]);
            Assert.Equal("script", (string)body["group"]);
            Assert.Equal((string)original["config"], (string)body["config"]);
            Assert.True(JToken.DeepEquals(original["inputs"], body["inputs"]), body["inputs"].ToString());
            Assert.True(JToken.DeepEquals(original["outputs"], body["outputs"]), body["outputs"].ToString());
            Assert.Equal(3, (int)body["options"]["retries"]);
        }

        [Fact]
        public void New_WhatIf_SendsNothing()
        {
            var heat = new FakeHeat().CreatesSoftwareConfig(SoftwareFixtures.Config(Id, "x"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("New-HeatSoftwareConfig x -Config 'echo' -WhatIf -Session $session");

            Assert.Equal(new[] { "What if: Performing the operation \"Create Heat software config\" on target \"x\"." }, result.HostLines);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void Get_ByName_FiltersTheList_AndAnExactNameThatMatchesNothingIsAnError()
        {
            var heat = new FakeHeat().ListsSoftwareConfigs(
                SoftwareFixtures.ConfigSummary("c1", "web-boot"), SoftwareFixtures.ConfigSummary("c2", "db-boot"), SoftwareFixtures.ConfigSummary("c3", "web-deploy"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatSoftwareConfig -Name web-*, nope -Session $session");

            Assert.Equal(new[] { "web-boot", "web-deploy" }, result.Objects<HeatSoftwareConfig>().Select(c => c.Name));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatSoftwareConfigNotFound,Heat.PowerShell.Cmdlets.GetHeatSoftwareConfig", error.FullyQualifiedErrorId);
            Assert.Equal("nope", error.TargetObject);
            Assert.Equal(new[] { "GET software_configs?limit=100" }, heat.Log);
        }

        [Fact]
        public void Get_Detailed_ReadsEachListedConfig()
        {
            var heat = new FakeHeat().ListsSoftwareConfigs(SoftwareFixtures.ConfigSummary(Id, "deploy")).ShowsSoftwareConfig(SoftwareFixtures.Config(Id, "deploy"));
            using var host = new PowerShellHost(heat);

            var config = host.Run("Get-HeatSoftwareConfig -Detailed -Session $session").Objects<HeatSoftwareConfig>().Single();

            Assert.Equal("greeting", config.Inputs.Single().Name);
            Assert.Equal(new[] { "GET software_configs?limit=100", $"GET software_configs/{Id}" }, heat.Log);
        }

        [Fact]
        public void Get_FromAPipedDeployment_ReadsItsConfig_NotTheDeploymentId()
        {
            var heat = new FakeHeat()
                .ShowsSoftwareDeployment(SoftwareFixtures.Deployment("dep-1", "srv-1", Id))
                .ShowsSoftwareConfig(SoftwareFixtures.Config(Id, "deploy"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatSoftwareDeployment dep-1 -Session $session | Get-HeatSoftwareConfig -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("deploy", result.Objects<HeatSoftwareConfig>().Single().Name);
            Assert.Equal(new[] { "GET software_deployments/dep-1", $"GET software_configs/{Id}" }, heat.Log);
        }

        [Fact]
        public void Remove_PipedConfigs_RemoveThemselves_AndAMissingOneIsOneError()
        {
            var heat = new FakeHeat()
                .ListsSoftwareConfigs(SoftwareFixtures.ConfigSummary("c1", "ci-a"), SoftwareFixtures.ConfigSummary("gone", "ci-b"), SoftwareFixtures.ConfigSummary("c3", "ci-c"))
                .DeletesSoftwareConfig("c1").MissingSoftwareConfig("gone").DeletesSoftwareConfig("c3");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatSoftwareConfig -Name ci-* -Session $session | Remove-HeatSoftwareConfig -Force -Session $session");

            Assert.Equal(new[] { "DELETE software_configs/c1", "DELETE software_configs/gone", "DELETE software_configs/c3" },
                heat.Log.Where(l => l.StartsWith("DELETE")));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatSoftwareConfigNotFound,Heat.PowerShell.Cmdlets.RemoveHeatSoftwareConfig", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
        }

        [Fact]
        public void Remove_WithoutForce_Asks_AndNoKeepsIt()
        {
            var heat = new FakeHeat().DeletesSoftwareConfig(Id);
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run($"Remove-HeatSoftwareConfig {Id} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains($"Performing the operation \"Remove Heat software config\" on target \"{Id}\".", Assert.Single(host.Host.Prompts));
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void Remove_WhatIf_WinsOverForce()
        {
            var heat = new FakeHeat().DeletesSoftwareConfig(Id);
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Remove-HeatSoftwareConfig {Id} -Force -WhatIf -Session $session");

            Assert.Equal(new[] { $"What if: Performing the operation \"Remove Heat software config\" on target \"{Id}\"." }, result.HostLines);
            Assert.Empty(heat.Requests);
        }

        /// <summary>A project where a config id read as "all" would reach something.</summary>
        private static FakeHeat AnyConfig() => new FakeHeat()
            .ListsSoftwareConfigs(SoftwareFixtures.ConfigSummary("c1", "prod"))
            .ShowsSoftwareConfig(SoftwareFixtures.Config("c1", "prod"))
            .DeletesSoftwareConfig("c1");

        [Theory]
        [InlineData("Remove-HeatSoftwareConfig '' -Force -Session $session")]
        [InlineData("Remove-HeatSoftwareConfig $null -Force -Session $session")]
        [InlineData("Get-HeatSoftwareConfig -Id '' -Session $session")]
        [InlineData("Get-HeatSoftwareConfig -Name '' -Session $session")]
        public void EmptyId_StopsTheCommand_AndSendsNothing(string script)
        {
            var heat = AnyConfig();
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination(script);

            Assert.StartsWith("ParameterArgument", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("$null | Remove-HeatSoftwareConfig -Force -Session $session")]
        [InlineData("[pscustomobject]@{ Id = '' } | Remove-HeatSoftwareConfig -Force -Session $session")]
        [InlineData("$env:HEAT_TEST_SURELY_UNSET | Get-HeatSoftwareConfig -Session $session")]
        [InlineData("[pscustomobject]@{ ConfigId = $null } | Get-HeatSoftwareConfig -Session $session")]
        public void EmptyPipedId_IsAnError_NeverTheList(string script)
        {
            var heat = AnyConfig();
            using var host = new PowerShellHost(heat);

            var result = host.Run(script);

            Assert.Empty(result.Output);
            Assert.NotEmpty(result.Errors);
            Assert.Empty(heat.Requests);
        }
    }
}
