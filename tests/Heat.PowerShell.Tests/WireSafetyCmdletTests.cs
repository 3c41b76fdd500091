using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What a user sees when the wire misbehaves: error records with clear ids, never an empty result.</summary>
    public class WireSafetyCmdletTests
    {
        [Fact]
        public void GetHeatStack_ProxyLoginPage_IsAnInvalidResponseError_NotAnEmptyList()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When("*").Respond(HttpStatusCode.OK, "text/html", "<html><form>Sign in</form></html>");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Session $session");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatInvalidResponse,", error.FullyQualifiedErrorId);
            Assert.Contains("text/html", error.Exception.Message);
            Assert.Contains(PowerShellHost.Heat + "/stacks", error.Exception.Message);
        }

        [Fact]
        public void TestHeatTemplate_IgnoreErrorsAndShowNested_BuildOneQuery()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var validate = mock.When(HttpMethod.Post, PowerShellHost.Heat + "/validate")
                .WithExactQueryString("ignore_errors=99001&show_nested=True")
                .Respond(HttpStatusCode.OK, "application/json", "{\"Description\": \"ok\", \"Parameters\": {}}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Test-HeatTemplate -Template 'heat_template_version: 2018-08-31' -IgnoreErrors 99001 -ShowNested -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(1, mock.GetMatchCount(validate));
        }

        [Fact]
        public void EnvironmentPath_MayBeAnHttpUrl()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            mock.When(HttpMethod.Get, "http://templates.test/env/prod.yaml").Respond(HttpStatusCode.OK, "text/plain", "parameters:\n  flavor: m1.large\n");
            string sent = null;
            mock.When(HttpMethod.Post, PowerShellHost.Heat + "/validate").Respond(request =>
            {
                sent = request.Content.ReadAsStringAsync().Result;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"Description\": \"ok\", \"Parameters\": {}}") };
            });
            using var host = new PowerShellHost(mock);

            var result = host.Run("Test-HeatTemplate -Template 'heat_template_version: 2018-08-31' -EnvironmentPath http://templates.test/env/prod.yaml -Session $session");

            Assert.Empty(result.Errors);
            Assert.Contains("m1.large", sent);
            Assert.Contains("http://templates.test/env/prod.yaml", sent);
        }

        [Fact]
        public void DisconnectedSession_IsASessionClosedError()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            using var host = new PowerShellHost(mock);
            host.Session.Dispose();

            var error = host.Terminating("Get-HeatStack -Session $session");

            Assert.StartsWith("HeatSessionClosed,", error.FullyQualifiedErrorId);
        }
    }
}
