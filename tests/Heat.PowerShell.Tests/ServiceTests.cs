using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Heat about itself, and abandon/adopt.</summary>
    public class ServiceTests
    {
        [Fact]
        public void GetHeatService_NotAnAdmin_IsAccessDenied_WithHeatsReason()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "services").Error(HttpStatusCode.Forbidden, "You are not authorized to complete service:index.", "Forbidden");
            using var host = new PowerShellHost(heat);

            var error = Assert.Single(host.Run("Get-HeatService -Session $session").Errors);

            Assert.StartsWith("HeatAccessDenied,", error.FullyQualifiedErrorId);
            Assert.Contains("service:index", error.Exception.Message);
        }

        [Fact]
        public void GetHeatApiVersion_ReadsTheRootsMultipleChoices()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "http://heat.test:8004/").Json(HttpStatusCode.MultipleChoices,
                JObject.Parse("{\"versions\": [{\"id\": \"v1.0\", \"status\": \"CURRENT\", \"links\": [{\"rel\": \"self\", \"href\": \"http://heat.test:8004/v1/\"}]}]}"));
            using var host = new PowerShellHost(heat);

            var version = Assert.Single(host.Run("Get-HeatApiVersion -Session $session").Objects<HeatApiVersion>());

            Assert.Equal("v1.0", version.Id);
            Assert.Equal("CURRENT", version.Status);
        }

        [Fact]
        public void GetHeatBuildInfo_GivesTheApiAndEngineRevisions()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "build_info").Json(HttpStatusCode.OK,
                JObject.Parse("{\"api\": {\"revision\": \"19.0.0-2\"}, \"engine\": {\"revision\": \"unknown\"}}"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatBuildInfo -Session $session; (Get-HeatBuildInfo -Session $session).EngineRevision");

            Assert.Empty(result.Errors);
            var info = Assert.IsType<HeatBuildInfo>(result.Output[0].BaseObject);
            Assert.Equal("19.0.0-2", info.ApiRevision);
            Assert.Equal("unknown", info.EngineRevision);
            Assert.Equal("unknown", result.Output[1].BaseObject);
            Assert.Equal(new[] { "GET build_info", "GET build_info" }, heat.Log);
        }

        [Fact]
        public void GetHeatBuildInfo_ACloudThatRefusesIt_IsAccessDenied_WithHeatsReason()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "build_info").Error(HttpStatusCode.Forbidden, "You are not authorized to complete build_info:build_info.", "Forbidden");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatBuildInfo -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatAccessDenied,Heat.PowerShell.Cmdlets.GetHeatBuildInfo", error.FullyQualifiedErrorId);
            Assert.Contains("build_info:build_info", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void RemoveHeatStack_Abandon_WritesTheDataThatAdoptTakesBack()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).CreatesStack("web", "2");
            heat.On(HttpMethod.Delete, "stacks/web/1/abandon").Json(HttpStatusCode.OK,
                JObject.Parse("{\"name\": \"web\", \"id\": \"1\", \"template\": {\"heat_template_version\": \"2018-08-31\"}, \"resources\": {}, \"files\": {\"f\": \"x\"}}"));
            using var host = new PowerShellHost(heat);
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "heat-abandon-" + System.Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var abandoned = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder}' -Force -Session $session");
                var adopted = host.Run($"New-HeatStack web -AdoptPath '{Path.Combine(folder, "web.json")}' -Session $session");

                Assert.Empty(abandoned.Errors);
                Assert.DoesNotContain(heat.Log, l => l == "DELETE stacks/web/1");
                Assert.Empty(adopted.Errors);
                var sent = heat.Sent(HttpMethod.Post).Single().Json;
                Assert.Equal("web", (string)JObject.Parse((string)sent["adopt_stack_data"])["name"]);
                Assert.Equal("x", (string)sent["files"]["f"]);
                Assert.Null(sent["template"]);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void RemoveHeatStack_Abandon_OnACloudThatRefusesIt_GivesHeatsReason_AndDeletesNothing()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            heat.On(HttpMethod.Delete, "stacks/web/1/abandon").Error(HttpStatusCode.BadRequest, "Stack Abandon is not supported.", "NotSupported");
            using var host = new PowerShellHost(heat);
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "heat-abandon-" + System.Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var result = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder}' -Force -Session $session");

                var error = Assert.Single(result.Errors);
                Assert.Contains("Stack Abandon is not supported.", error.Exception.Message);
                Assert.Equal("web", error.TargetObject?.ToString());
                Assert.DoesNotContain(heat.Log, l => l == "DELETE stacks/web/1");
                Assert.Empty(Directory.GetFiles(folder));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void NewHeatStack_Adopt_OnACloudThatRefusesIt_GivesHeatsReason()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "stacks").Error(HttpStatusCode.BadRequest, "Stack Adopt is not supported.", "NotSupported");
            using var host = new PowerShellHost(heat);
            var file = Path.Combine(Path.GetTempPath(), "heat-adopt-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{\"name\": \"web\", \"template\": {\"heat_template_version\": \"2018-08-31\"}, \"resources\": {}}");
            try
            {
                var result = host.Run($"New-HeatStack web -AdoptPath '{file}' -Session $session");

                var error = Assert.Single(result.Errors);
                Assert.Contains("Stack Adopt is not supported.", error.Exception.Message);
                Assert.Empty(result.Objects<HeatStack>());
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
