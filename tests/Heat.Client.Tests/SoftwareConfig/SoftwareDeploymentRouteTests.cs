using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.SoftwareConfig
{
    public class SoftwareDeploymentRouteTests
    {
        private const string Id = "5d1c7b1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f";
        private const string ServerId = "9a8b7c6d-0000-4000-8000-00000000beef";
        private const string ConfigId = "3c9e4a8e-6a3e-4f51-9d5b-0c1f2e3d4a5b";

        [Fact]
        public async Task List_ForOneServer_FiltersOnHeat()
        {
            var heat = new FakeHeat().ListsSoftwareDeployments(
                SoftwareFixtures.Deployment(Id, ServerId, ConfigId), SoftwareFixtures.Deployment("other", "another-server", ConfigId));

            var deployments = await heat.Client().SoftwareDeployments.ListAsync(new SoftwareDeploymentListOptions { ServerId = ServerId }, default);

            Assert.Equal(new[] { $"GET software_deployments?server_id={ServerId}" }, heat.Log);
            var deployment = Assert.Single(deployments);
            Assert.Equal((Id, ServerId, ConfigId, "UPDATE", "IN_PROGRESS"),
                (deployment.DeploymentId, deployment.ServerId, deployment.ConfigId, deployment.Action, deployment.Status));
            Assert.Equal("hi", deployment.InputValues["greeting"]);
            Assert.Null(deployment.OutputValues);
        }

        [Fact]
        public async Task Create_SendsTheServerConfigAndTypedInputs_WithHeatclientsDefaults()
        {
            var heat = new FakeHeat().CreatesSoftwareDeployment(SoftwareFixtures.Deployment(Id, ServerId, ConfigId));

            var created = await heat.Client().SoftwareDeployments.CreateAsync(new CreateSoftwareDeploymentRequest
            {
                ServerId = ServerId,
                ConfigId = ConfigId,
                InputValues = { ["greeting"] = "hi", ["count"] = 2 },
            }, default);

            var sent = Assert.Single(heat.Requests);
            Assert.Equal("POST software_deployments", sent.ToString());
            Assert.True(JToken.DeepEquals(JObject.Parse($@"{{
                ""server_id"": ""{ServerId}"", ""config_id"": ""{ConfigId}"", ""input_values"": {{ ""greeting"": ""hi"", ""count"": 2 }},
                ""action"": ""UPDATE"", ""status"": ""IN_PROGRESS"" }}"), sent.Json), sent.Body);
            Assert.Equal(Id, created.Id);
        }

        [Fact]
        public async Task Update_SendsOnlyWhatChanges()
        {
            var heat = new FakeHeat().UpdatesSoftwareDeployment(SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId));

            var updated = await heat.Client().SoftwareDeployments.UpdateAsync(Id, new UpdateSoftwareDeploymentRequest
            {
                Status = "COMPLETE",
                StatusReason = "Outputs received",
                OutputValues = new Dictionary<string, object> { ["result"] = "hi", ["deploy_status_code"] = 0 },
            }, default);

            var sent = Assert.Single(heat.Requests);
            Assert.Equal($"PUT software_deployments/{Id}", sent.ToString());
            Assert.True(JToken.DeepEquals(JObject.Parse(@"{
                ""status"": ""COMPLETE"", ""status_reason"": ""Outputs received"", ""output_values"": { ""result"": ""hi"", ""deploy_status_code"": 0 } }"),
                sent.Json), sent.Body);
            Assert.Equal("COMPLETE", updated.Status);
            Assert.Equal(new DateTime(2026, 11, 25, 10, 5, 0, DateTimeKind.Utc), updated.UpdatedTime);
        }

        [Fact]
        public async Task Update_IsSentAgain_AfterATransientFailure()
        {
            // It sets values: arriving twice leaves the same deployment, so a signal survives a busy Heat.
            var heat = new FakeHeat();
            heat.On(HttpMethod.Put, "software_deployments/" + Id)
                .Error(HttpStatusCode.ServiceUnavailable, "busy")
                .Json(HttpStatusCode.OK, new JObject { ["software_deployment"] = SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId) });

            var updated = await heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1)).SoftwareDeployments
                .UpdateAsync(Id, new UpdateSoftwareDeploymentRequest { Status = "COMPLETE" }, default);

            Assert.Equal(new[] { $"PUT software_deployments/{Id}", $"PUT software_deployments/{Id}" }, heat.Log);
            Assert.Equal("COMPLETE", updated.Status);
        }

        [Fact]
        public async Task Create_IsNotSentAgain_AfterAServerError()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "software_deployments").Error(HttpStatusCode.ServiceUnavailable, "busy");

            await Assert.ThrowsAsync<HeatServerException>(() => heat.Client(o => o.RetryDelay = TimeSpan.FromMilliseconds(1)).SoftwareDeployments
                .CreateAsync(new CreateSoftwareDeploymentRequest { ServerId = ServerId, ConfigId = ConfigId }, default));

            Assert.Single(heat.Requests);
        }

        [Fact]
        public async Task Metadata_IsTheConfigsDeployedToTheServer()
        {
            var heat = new FakeHeat().ShowsServerMetadata(ServerId, SoftwareFixtures.Config("c1", "a-boot"), SoftwareFixtures.Config("c2", "b-deploy"));

            var configs = await heat.Client().SoftwareDeployments.GetMetadataAsync(ServerId, default);

            Assert.Equal(new[] { $"GET software_deployments/metadata/{ServerId}" }, heat.Log);
            Assert.Equal(new[] { "a-boot", "b-deploy" }, configs.Select(c => c.Name));
            Assert.Equal("greeting", configs[0].Inputs.Single().Name);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public async Task Metadata_OfNoServer_IsRefused_NotReadAsTheDeploymentNamedMetadata(string serverId)
        {
            var heat = new FakeHeat();

            await Assert.ThrowsAsync<ArgumentException>(() => heat.Client().SoftwareDeployments.GetMetadataAsync(serverId, default));

            Assert.Empty(heat.Requests);
        }

        [Fact]
        public async Task Outputs_AreReadFromTheDeployment_ByName()
        {
            var heat = new FakeHeat().ShowsSoftwareDeployment(SoftwareFixtures.SignalledDeployment(Id, ServerId, ConfigId));

            var outputs = await heat.Client().SoftwareDeployments.GetOutputsAsync(Id, default);

            Assert.Equal(new[] { $"GET software_deployments/{Id}" }, heat.Log);
            Assert.Equal(new[] { "deploy_status_code", "deploy_stderr", "deploy_stdout", "result" }, outputs.Select(o => o.OutputName));
            Assert.Equal(0, outputs[0].OutputValue);
            Assert.Equal("hi", outputs[3].OutputValue);
            Assert.All(outputs, o => Assert.Equal((Id, ServerId), (o.DeploymentId, o.ServerId)));
        }

        [Fact]
        public async Task Outputs_BeforeASignal_AreNone()
        {
            var heat = new FakeHeat().ShowsSoftwareDeployment(SoftwareFixtures.Deployment(Id, ServerId, ConfigId));

            Assert.Empty(await heat.Client().SoftwareDeployments.GetOutputsAsync(Id, default));
        }

        [Fact]
        public async Task OutputValues_ThatAreNotAMap_AreAnInvalidResponse()
        {
            var heat = new FakeHeat().ShowsSoftwareDeployment(SoftwareFixtures.Deployment(Id, ServerId, ConfigId).With("output_values", new JArray("x")));

            var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().SoftwareDeployments.GetAsync(Id, default));

            Assert.Contains("wrong shape", error.Message);
        }

        [Fact]
        public async Task Delete_AndAMissingDeployment()
        {
            var heat = new FakeHeat().DeletesSoftwareDeployment(Id).MissingSoftwareDeployment("gone");

            await heat.Client().SoftwareDeployments.DeleteAsync(Id, default);
            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => heat.Client().SoftwareDeployments.DeleteAsync("gone", default));

            Assert.Equal(new[] { $"DELETE software_deployments/{Id}", "DELETE software_deployments/gone" }, heat.Log);
            Assert.Equal("Deployment with id gone not found", error.Message);
        }
    }
}
