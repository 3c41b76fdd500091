using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class TestHeatTemplateTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        [Fact]
        public void Invalid_IsAnErrorWithHeatsMessage()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "validate").Error(HttpStatusCode.BadRequest, "The Resource Type (OS::Nope) could not be found.", "StackValidationFailed");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -Template {Template} -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("The Resource Type (OS::Nope) could not be found.", error.Exception.Message);
        }

        [Fact]
        public void IgnoreErrorsAndShowNested_BuildOneQuery()
        {
            var heat = new FakeHeat().Validates();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -Template {Template} -IgnoreErrors 99001 -ShowNested -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "POST validate?ignore_errors=99001&show_nested=True" }, heat.Log);
        }

        [Fact]
        public void EnvironmentPath_MayBeAnHttpUrl()
        {
            const string Url = "http://templates.test/env/prod.yaml";
            var heat = new FakeHeat().Validates();
            heat.On(HttpMethod.Get, Url).Text(HttpStatusCode.OK, "text/plain", "parameters:\n  flavor: m1.large\n");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -Template {Template} -EnvironmentPath {Url} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "GET " + Url, "POST validate" }, heat.Log);
            var sent = heat.Sent(HttpMethod.Post).Single().Json;
            Assert.Equal("m1.large", (string)sent["environment"]["parameters"]["flavor"]);
            Assert.Equal(new[] { Url }, sent["environment_files"].Select(f => (string)f));
        }

        [Fact]
        public void Offline_AParameterWithoutADefinition_IsATemplateError_AsHeatSaysIt()
        {
            using var host = new PowerShellHost(new FakeHeat());

            var result = host.Run("Test-HeatTemplate -Offline -Template \"heat_template_version: 2018-08-31`nparameters:`n  p:`n\"");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatTemplateInvalid,", error.FullyQualifiedErrorId);
            Assert.Contains("Invalid parameter (p), expected a mapping", error.Exception.Message);
        }
    }
}
