using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class NewHeatStackTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        [Fact]
        public void SendsTemplateAndTypedParameters_AndReturnsTheNewStack()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($@"New-HeatStack -Name web -Template {Template} `
                -Parameter @{{ count = 2; names = @('a', 'b'); debug = $true }} -Tag ci, web -TimeoutMinutes 20 -DisableRollback -Session $session");

            Assert.Empty(result.Errors);
            var stack = result.Objects<HeatStack>().Single();
            Assert.Equal("web", stack.StackName);
            Assert.Equal("new-1", stack.Id);
            var sent = Assert.Single(heat.Sent(HttpMethod.Post)).Json;
            Assert.Equal("web", (string)sent["stack_name"]);
            Assert.Equal("2018-08-31", (string)sent["template"]["heat_template_version"]);
            Assert.Equal(2, (int)sent["parameters"]["count"]);
            Assert.Equal(new[] { "a", "b" }, sent["parameters"]["names"].Select(t => (string)t));
            Assert.True((bool)sent["parameters"]["debug"]);
            Assert.Equal("ci,web", (string)sent["tags"]);
            Assert.Equal(20, (int)sent["timeout_mins"]);
            Assert.True((bool)sent["disable_rollback"]);
        }

        [Fact]
        public void ABulkCreate_NamesTheStackOfEachError()
        {
            var heat = new FakeHeat();
            // Creates run concurrently: each answer goes by the stack the request names, not by arrival.
            heat.On(HttpMethod.Post, "stacks").Answer(request =>
                (string)Newtonsoft.Json.Linq.JObject.Parse(request.Content.ReadAsStringAsync().Result)["stack_name"] == "web"
                    ? FakeHeat.JsonResponse(HttpStatusCode.BadRequest, HeatFixtures.Error(HttpStatusCode.BadRequest,
                        "Property error: resources.r.properties.length: \"x\" is not an integer", "StackValidationFailed"))
                    : FakeHeat.JsonResponse(HttpStatusCode.Conflict, HeatFixtures.Error(HttpStatusCode.Conflict, "The Stack (db) already exists.", "StackExists")));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"@{{ StackName = 'web' }}, @{{ StackName = 'db' }} | ForEach-Object {{ [pscustomobject]$_ }} | " +
                                  $"New-HeatStack -Template {Template} -Session $session");

            Assert.Equal(2, result.Errors.Count);
            Assert.Equal("Stack 'web': Property error: resources.r.properties.length: \"x\" is not an integer", result.Errors[0].ToString());
            Assert.Equal("web", result.Errors[0].TargetObject);
            // Heat's own words stay the exception's; a message that names the stack already is left as it is.
            Assert.StartsWith("Property error", result.Errors[0].Exception.Message);
            Assert.Equal("The Stack (db) already exists.", result.Errors[1].ToString());
        }

        [Fact]
        public void NameTaken_IsAConflictError()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "stacks").Error(HttpStatusCode.Conflict, "The Stack (web) already exists.", "StackExists");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack -Name web -Template {Template} -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackConflict,Heat.PowerShell.Cmdlets.NewHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("The Stack (web) already exists.", error.Exception.Message);
        }

        [Fact]
        public void RollbackIsOff_UnlessEnableRollback_AsInHeatAndTheReferenceClient()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1").CreatesStack("web2", "new-2");
            using var host = new PowerShellHost(heat);

            host.Run($"New-HeatStack -Name web -Template {Template} -Session $session");
            host.Run($"New-HeatStack -Name web2 -Template {Template} -EnableRollback -Session $session");

            var sent = heat.Sent(HttpMethod.Post).Select(r => (bool)r.Json["disable_rollback"]).ToList();
            Assert.Equal(new[] { true, false }, sent);
        }

        [Fact]
        public void ACustomObjectParameter_IsSentAsAMap_NotAsItsText()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            host.Run($"New-HeatStack -Name web -Template {Template} -Parameter @{{ config = ('{{\"a\": 1, \"b\": \"x\"}}' | ConvertFrom-Json) }} -Session $session");

            var config = Assert.Single(heat.Sent(HttpMethod.Post)).Json["parameters"]["config"];
            Assert.Equal(1, (int)config["a"]);
            Assert.Equal("x", (string)config["b"]);
        }

        [Fact]
        public void AParameterThatHoldsItself_IsAnError_NotACrash()
        {
            var heat = new FakeHeat().CreatesStack("web", "new-1");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"$h = @{{}}; $h.self = $h; New-HeatStack -Name web -Template {Template} -Parameter @{{ p = $h }} -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Contains("hold itself", error.Exception.Message);
            Assert.Empty(heat.Sent(HttpMethod.Post));
        }
    }
}
