using System.Linq;
using System.Net;
using System.Net.Http;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// A name that is given but null or empty is an error, never "everything": in a job whose variable is missing,
    /// <c>Get-HeatStack $env:PREFIX | Remove-HeatStack -Force</c> must not reach every stack of the project.
    /// </summary>
    public class EmptyNameTests
    {
        private static (MockHttpMessageHandler Mock, MockedRequest Any) AnyRequest()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var any = mock.When("*").Respond(HttpStatusCode.OK, "application/json",
                "{\"stacks\": [" + Json.Stack("prod-db", "1") + "], \"stack\": " + Json.Stack("prod-db", "1") + "}");
            return (mock, any);
        }

        [Theory]
        [InlineData("Get-HeatStack $null -Session $session")]
        [InlineData("Get-HeatStack '' -Session $session")]
        [InlineData("Get-HeatStack @() -Session $session")]
        [InlineData("Get-HeatStack -Name @('web', '') -Session $session")]
        [InlineData("$env:HEAT_TEST_SURELY_UNSET | Get-HeatStack -Session $session")]
        [InlineData("'' | Get-HeatStack -Session $session")]
        [InlineData("@($null, $null) | Get-HeatStack -Session $session")]
        [InlineData("Get-HeatStack -StackId '' -Session $session")]
        [InlineData("Get-HeatStack -StackId $null -Session $session")]
        [InlineData("[pscustomobject]@{ StackName = $null; StackId = $null } | Get-HeatStack -Session $session")]
        public void GetHeatStack_GivenAnEmptyName_IsAnError_AndListsNothing(string script)
        {
            var (mock, any) = AnyRequest();
            using var host = new PowerShellHost(mock);

            var result = host.Run(script);

            Assert.Empty(result.Output);
            Assert.True(result.Terminating != null || result.Errors.Count > 0, "no error for " + script);
            Assert.Equal(0, mock.GetMatchCount(any));
        }

        [Theory]
        [InlineData("$env:HEAT_TEST_SURELY_UNSET | Remove-HeatStack -Force -Session $session")]
        [InlineData("Remove-HeatStack '' -Force -Session $session")]
        [InlineData("Get-HeatStack $env:HEAT_TEST_SURELY_UNSET -Session $session | Remove-HeatStack -Force -Session $session")]
        [InlineData("[pscustomobject]@{ StackName = ''; StackId = '' } | Remove-HeatStack -Force -Session $session")]
        [InlineData("$null | Get-HeatEvent -Session $session")]
        [InlineData("Get-HeatEvent '' -Session $session")]
        [InlineData("Get-HeatEvent web -ResourceName '' -Session $session")]
        [InlineData("Get-HeatEvent web -Id '' -Session $session")]
        [InlineData("$null | Get-HeatResource -Session $session")]
        [InlineData("Get-HeatResource web '' -Session $session")]
        [InlineData("New-HeatStack -Name '' -Template 'heat_template_version: 2018-08-31' -Session $session")]
        public void OtherCmdlets_GivenAnEmptyName_AreAnError_AndSendNothing(string script)
        {
            var (mock, any) = AnyRequest();
            using var host = new PowerShellHost(mock);

            var result = host.Run(script);

            Assert.Empty(result.Output);
            Assert.True(result.Terminating != null || result.Errors.Count > 0, "no error for " + script);
            Assert.Equal(0, mock.GetMatchCount(any));
        }

        [Fact]
        public void GetHeatStack_WithoutAName_StillListsEverything()
        {
            var (mock, any) = AnyRequest();
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Session $session");

            Assert.Empty(result.Errors);
            Assert.Single(result.Output);
            Assert.Equal(1, mock.GetMatchCount(any));
        }

        [Fact]
        public void GetHeatStack_EmptyName_SaysWhatIsWrong()
        {
            var (mock, _) = AnyRequest();
            using var host = new PowerShellHost(mock);

            var result = host.Run("$env:HEAT_TEST_SURELY_UNSET | Get-HeatStack -Session $session");

            var error = result.Terminating ?? result.Errors.Single();
            Assert.Contains("Name", error.Exception.Message);
        }
    }
}
