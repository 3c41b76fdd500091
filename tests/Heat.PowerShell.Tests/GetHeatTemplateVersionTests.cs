using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class GetHeatTemplateVersionTests
    {
        private static FakeHeat Cloud() => new FakeHeat().ListsTemplateVersions(
            HeatFixtures.TemplateVersion("AWSTemplateFormatVersion.2010-09-09", "cfn"),
            HeatFixtures.TemplateVersion("heat_template_version.2016-10-14", "hot", "heat_template_version.newton"),
            HeatFixtures.TemplateVersion("heat_template_version.2018-08-31", "hot", "heat_template_version.rocky"));

        [Fact]
        public void Versions_AreFoundByTheirAliases_AndByType()
        {
            using var host = new PowerShellHost(Cloud());

            var rocky = host.Run("Get-HeatTemplateVersion *rocky -Session $session");
            var cfn = host.Run("Get-HeatTemplateVersion -Type cfn -Session $session");

            Assert.Equal("heat_template_version.2018-08-31", rocky.Objects<HeatTemplateVersion>().Single().Version);
            Assert.Equal("AWSTemplateFormatVersion.2010-09-09", cfn.Objects<HeatTemplateVersion>().Single().Version);
        }

        [Fact]
        public void AnExactVersionNobodyHas_IsNotFound_APatternThatMatchesNothing_IsNothing()
        {
            using var host = new PowerShellHost(Cloud());

            var exact = host.Run("Get-HeatTemplateVersion heat_template_version.2099-01-01 -Session $session");
            var pattern = host.Run("Get-HeatTemplateVersion *2099* -Session $session");
            var alias = host.Run("Get-HeatTemplateVersion heat_template_version.rocky -Session $session");

            var error = Assert.Single(exact.Errors);
            Assert.StartsWith("HeatTemplateVersionNotFound,", error.FullyQualifiedErrorId);
            Assert.Empty(exact.Output);
            Assert.Empty(pattern.Errors);
            Assert.Empty(pattern.Output);
            Assert.Empty(alias.Errors);
            Assert.Single(alias.Output);
        }
    }
}
