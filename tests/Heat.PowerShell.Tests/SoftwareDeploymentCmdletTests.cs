using System.Collections;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>The deployment cmdlets against a fake Heat: pipelines by property name, what is sent, what is written, which errors.</summary>
    public class SoftwareDeploymentCmdletTests
    {
        private const string Id = "5d1c7b1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f";
        private const string ServerId = "9a8b7c6d-0000-4000-8000-00000000beef";
        private const string ConfigId = "3c9e4a8e-6a3e-4f51-9d5b-0c1f2e3d4a5b";

        [Fact]
        public void New_FromAPipedConfig_DeploysThatConfig_WithTypedInputValues()
        {
            var heat = new FakeHeat()
                .ShowsSoftwareConfig(SoftwareFixtures.Config(ConfigId, "deploy"))
                .CreatesSoftwareDeployment(SoftwareFixtures.Deployment(Id, ServerId, ConfigId));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Get-HeatSoftwareConfig {ConfigId} -Session $session | " +
                $"New-HeatSoftwareDeployment -ServerId {ServerId} -InputValues @{{ greeting = 'hi'; count = 2 }} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(Id, result.Objects<HeatSoftwareDeployment>().Single().Id);
            var sent = heat.Requests.Single(r => r.Method == "POST");
            Assert.True(JToken.DeepEquals(JObject.Parse($@"{{
                ""server_id"": ""{ServerId}"", ""config_id"": ""{ConfigId}"", ""input_values"": {{ ""greeting"": ""hi"", ""count"": 2 }},
                ""action"": ""UPDATE"", ""status"": ""IN_PROGRESS"" }}"), sent.Json), sent.Body);
        }

        [Fact]
        public void New_AServerIdLongerThanHeatKeeps_IsRefused_BeforeAnythingIsSent()
        {
            var heat = new FakeHeat().CreatesSoftwareDeployment(SoftwareFixtures.Deployment(Id, ServerId, ConfigId));
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination($"New-HeatSoftwareDeployment -ServerId {new string('a', 37)} -ConfigId {ConfigId} -Session $session");

            Assert.StartsWith("ParameterArgumentValidationError,", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void Get_AServersDeployments_ThroughHeatsFilter()
        {
            var heat = new FakeHeat().ListsSoftwareDeployments(
                SoftwareFixtures.Deployment(Id, ServerId, ConfigId), SoftwareFixtures.Deployment("other", "srv-2", ConfigId));
            using var host = new PowerShellHost(heat);

            var mine = host.Run($"Get-HeatSoftwareDeployment -ServerId {ServerId} -Session $session").Objects<HeatSoftwareDeployment>();
            var all = host.Run("Get-HeatSoftwareDeployment -Session $session").Objects<HeatSoftwareDeployment>();

            Assert.Equal(new[] { Id }, mine.Select(d => d.Id));
            Assert.Equal(new[] { Id, "other" }, all.Select(d => d.Id));
            Assert.Equal(new[] { $"GET software_deployments?server_id={ServerId}", "GET software_deployments" }, heat.Log);
        }

        [Fact]
        public void Set_ReportsAResult_SendingOnlyWhatWasGiven_NotThePipedObjectsFields()
        {
            var heat = new FakeHeat()
                .ShowsSoftwareDeployment(SoftwareFixtures.Deployment(Id, ServerId, ConfigId))
                .UpdatesSoftwareDeployment(SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId));
            using var host = new PowerShellHost(heat);

            var quiet = host.Run($"Get-HeatSoftwareDeployment {Id} -Session $session | Set-HeatSoftwareDeployment -Status COMPLETE " +
                "-StatusReason 'Outputs received' -OutputValues @{ result = 'hi'; deploy_status_code = 0 } -Session $session");
            var passed = host.Run($"Set-HeatSoftwareDeployment {Id} -Status COMPLETE -PassThru -Session $session");

            Assert.Empty(quiet.Errors);
            Assert.Empty(quiet.Output);
            Assert.Equal("COMPLETE", passed.Objects<HeatSoftwareDeployment>().Single().Status);
            var sent = heat.Requests.First(r => r.Method == "PUT");
            Assert.Equal($"PUT software_deployments/{Id}", sent.ToString());
            Assert.True(JToken.DeepEquals(JObject.Parse(@"{
                ""status"": ""COMPLETE"", ""status_reason"": ""Outputs received"", ""output_values"": { ""result"": ""hi"", ""deploy_status_code"": 0 } }"),
                sent.Json), sent.Body);
        }

        [Theory]
        [InlineData("Set-HeatSoftwareDeployment " + Id + " -Session $session", "HeatSoftwareDeploymentArgumentInvalid,")]
        [InlineData("Set-HeatSoftwareDeployment " + Id + " -OutputValues @{} -Session $session", "ParameterArgumentValidationError,")]
        [InlineData("Set-HeatSoftwareDeployment " + Id + " -Status DONE -Session $session", "ParameterArgumentValidationError,")]
        public void Set_WithNothingOrAnEmptyValueToSet_StopsTheCommand_AndSendsNothing(string script, string errorId)
        {
            // Heat skips empty values: an empty map would be a silent no-op, not a cleared one.
            var heat = new FakeHeat().UpdatesSoftwareDeployment(SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId));
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination(script);

            Assert.StartsWith(errorId, result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void Remove_PipedDeployments_RemoveThemselves_NotTheirConfigs()
        {
            var heat = new FakeHeat()
                .ListsSoftwareDeployments(SoftwareFixtures.Deployment("d1", ServerId, ConfigId), SoftwareFixtures.Deployment("d2", ServerId, ConfigId))
                .DeletesSoftwareDeployment("d1").DeletesSoftwareDeployment("d2").DeletesSoftwareConfig(ConfigId);
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Get-HeatSoftwareDeployment -ServerId {ServerId} -Session $session | Remove-HeatSoftwareDeployment -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "DELETE software_deployments/d1", "DELETE software_deployments/d2" }, heat.Log.Where(l => l.StartsWith("DELETE")));
        }

        [Fact]
        public void Remove_WithoutForce_Asks_AndNoKeepsIt()
        {
            var heat = new FakeHeat().DeletesSoftwareDeployment(Id);
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            host.Run($"Remove-HeatSoftwareDeployment {Id} -Session $session");

            Assert.Contains($"\"Remove Heat software deployment\" on target \"{Id}\"", Assert.Single(host.Host.Prompts));
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("Remove-HeatSoftwareDeployment '' -Force -Session $session")]
        [InlineData("Get-HeatSoftwareDeployment -ServerId '' -Session $session")]
        [InlineData("Get-HeatSoftwareDeploymentMetadata '' -Session $session")]
        [InlineData("Get-HeatSoftwareDeploymentOutput '' -Session $session")]
        public void EmptyId_StopsTheCommand_AndSendsNothing(string script)
        {
            var heat = new FakeHeat().ListsSoftwareDeployments(SoftwareFixtures.Deployment(Id, ServerId, ConfigId)).DeletesSoftwareDeployment(Id);
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination(script);

            Assert.StartsWith("ParameterArgument", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("[pscustomobject]@{ Id = '' } | Remove-HeatSoftwareDeployment -Force -Session $session")]
        [InlineData("$null | Get-HeatSoftwareDeployment -Session $session")]
        public void EmptyPipedId_IsAnError_NeverTheList(string script)
        {
            var heat = new FakeHeat().ListsSoftwareDeployments(SoftwareFixtures.Deployment(Id, ServerId, ConfigId)).DeletesSoftwareDeployment(Id);
            using var host = new PowerShellHost(heat);

            var result = host.Run(script);

            Assert.Empty(result.Output);
            Assert.NotEmpty(result.Errors);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void Metadata_OfPipedDeployments_ReadsEachServerOnce()
        {
            var heat = new FakeHeat()
                .ListsSoftwareDeployments(SoftwareFixtures.Deployment("d1", ServerId, ConfigId), SoftwareFixtures.Deployment("d2", ServerId, ConfigId))
                .ShowsServerMetadata(ServerId, SoftwareFixtures.Config(ConfigId, "deploy"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatSoftwareDeployment -Session $session | Get-HeatSoftwareDeploymentMetadata -Session $session");

            Assert.Equal("deploy", result.Objects<HeatSoftwareConfig>().Single().Name);
            Assert.Equal(new[] { "GET software_deployments", $"GET software_deployments/metadata/{ServerId}" }, heat.Log);
        }

        [Fact]
        public void Output_OfAPipedDeployment_ByNameOrPattern_OrAsAHashtable()
        {
            var heat = new FakeHeat().ShowsSoftwareDeployment(SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId));
            using var host = new PowerShellHost(heat);

            var all = host.Run($"Get-HeatSoftwareDeploymentOutput {Id} -Session $session").Objects<HeatSoftwareDeploymentOutput>();
            var some = host.Run($"Get-HeatSoftwareDeployment {Id} -Session $session | Get-HeatSoftwareDeploymentOutput -OutputName result, deploy_std* -Session $session");
            var map = host.Run($"Get-HeatSoftwareDeploymentOutput {Id} -AsHashtable -Session $session").Objects<Hashtable>().Single();

            Assert.Equal(new[] { "deploy_status_code", "deploy_stderr", "deploy_stdout", "result" }, all.Select(o => o.OutputName));
            Assert.Equal(new[] { "deploy_stderr", "deploy_stdout", "result" }, some.Objects<HeatSoftwareDeploymentOutput>().Select(o => o.OutputName));
            Assert.Equal(0, map["deploy_status_code"]);
            Assert.Equal("hi", map["RESULT"]);
        }

        [Fact]
        public void Output_ThatTheDeploymentLacks_IsAnError_TheOthersAreWritten()
        {
            var heat = new FakeHeat().ShowsSoftwareDeployment(SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Get-HeatSoftwareDeploymentOutput {Id} result, nope -Session $session");

            Assert.Equal("hi", result.Objects<HeatSoftwareDeploymentOutput>().Single().OutputValue);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatSoftwareDeploymentOutputNotFound,Heat.PowerShell.Cmdlets.GetHeatSoftwareDeploymentOutput", error.FullyQualifiedErrorId);
            Assert.Equal($"Output nope does not exist in deployment {Id}.", error.Exception.Message);
        }

        [Fact]
        public void AMissingDeployment_IsANotFoundError_NamingIt()
        {
            var heat = new FakeHeat().MissingSoftwareDeployment("gone");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatSoftwareDeployment gone -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatSoftwareDeploymentNotFound,Heat.PowerShell.Cmdlets.GetHeatSoftwareDeployment", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal("Deployment with id gone not found", error.Exception.Message);
        }
    }
}
