using System.Linq;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// A name that is given but null or empty is an error, never "everything": in a job whose variable is missing,
    /// <c>Get-HeatStack $env:PREFIX | Remove-HeatStack -Force</c> must not reach every stack of the project.
    /// An empty argument stops the command (parameter validation); an empty piped name is an error for that record.
    /// </summary>
    public class EmptyNameTests
    {
        /// <summary>A project whose one stack a name misread as "every stack" would reach; the log shows anything sent, answered or not.</summary>
        private static FakeHeat AnyStack() => new FakeHeat()
            .ListsStacks(HeatFixtures.Stack("prod-db", "1"))
            .ShowsStack(HeatFixtures.StackDetail("prod-db", "1"))
            .DeletesStack("prod-db", "1")
            .CreatesStack("prod-db", "1");

        [Theory]
        [InlineData("Get-HeatStack $null -Session $session")]
        [InlineData("Get-HeatStack '' -Session $session")]
        [InlineData("Get-HeatStack @() -Session $session")]
        [InlineData("Get-HeatStack -Name @('web', '') -Session $session")]
        [InlineData("Remove-HeatStack '' -Force -Session $session")]
        [InlineData("Get-HeatStack $env:HEAT_TEST_SURELY_UNSET -Session $session | Remove-HeatStack -Force -Session $session")]
        [InlineData("Get-HeatEvent '' -Session $session")]
        [InlineData("Get-HeatEvent web -ResourceName '' -Session $session")]
        [InlineData("Get-HeatEvent web -Id '' -Session $session")]
        [InlineData("Get-HeatResource web '' -Session $session")]
        [InlineData("New-HeatStack -Name '' -Template 'heat_template_version: 2018-08-31' -Session $session")]
        public void EmptyArgument_StopsTheCommand_AndSendsNothing(string script)
        {
            var heat = AnyStack();
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination(script);

            Assert.Empty(result.Output);
            Assert.StartsWith("ParameterArgumentValidationError,", result.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Theory]
        [InlineData("$env:HEAT_TEST_SURELY_UNSET | Get-HeatStack -Session $session")]
        [InlineData("'' | Get-HeatStack -Session $session")]
        [InlineData("@($null, $null) | Get-HeatStack -Session $session")]
        [InlineData("Get-HeatStack -StackId '' -Session $session")]
        [InlineData("Get-HeatStack -StackId $null -Session $session")]
        [InlineData("[pscustomobject]@{ StackName = $null; StackId = $null } | Get-HeatStack -Session $session")]
        [InlineData("$env:HEAT_TEST_SURELY_UNSET | Remove-HeatStack -Force -Session $session")]
        [InlineData("[pscustomobject]@{ StackName = ''; StackId = '' } | Remove-HeatStack -Force -Session $session")]
        [InlineData("$null | Get-HeatEvent -Session $session")]
        [InlineData("$null | Get-HeatResource -Session $session")]
        public void EmptyPipedOrIdName_IsAnError_AndSendsNothing(string script)
        {
            var heat = AnyStack();
            using var host = new PowerShellHost(heat);

            var result = host.Run(script);

            Assert.Empty(result.Output);
            Assert.NotEmpty(result.Errors);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void GetHeatStack_WithoutAName_StillListsEverything()
        {
            var heat = AnyStack();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session");

            Assert.Empty(result.Errors);
            Assert.Single(result.Output);
            Assert.Equal(new[] { "GET stacks?limit=100" }, heat.Log);
        }

        [Fact]
        public void GetHeatStack_EmptyName_SaysWhatIsWrong()
        {
            using var host = new PowerShellHost(AnyStack());

            var result = host.Run("$env:HEAT_TEST_SURELY_UNSET | Get-HeatStack -Session $session");

            Assert.Contains("StackName", result.Errors.Single().Exception.Message);
        }
    }
}
