using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class GetHeatTemplateFunctionTests
    {
        private const string Rocky = "heat_template_version.2018-08-31";

        private static FakeHeat Cloud() => new FakeHeat()
            .ListsTemplateVersions(HeatFixtures.TemplateVersion(Rocky, "hot", "heat_template_version.rocky"))
            .ListsTemplateFunctions(Rocky,
                new[] { HeatFixtures.TemplateFunction("get_param", "Resolves parameter references."), HeatFixtures.TemplateFunction("get_attr", "Resolves attributes.") },
                new[] { HeatFixtures.TemplateFunction("equals", "Compares two values.") });

        [Fact]
        public void AVersionWithoutADot_IsAHotVersion_AndNamesFilter()
        {
            var cloud = Cloud();
            using var host = new PowerShellHost(cloud);

            var result = host.Run("Get-HeatTemplateFunction 2018-08-31 get_p* -Session $session");

            Assert.Equal(new[] { $"GET template_versions/{Rocky}/functions" }, cloud.Log);
            var function = result.Objects<HeatTemplateFunction>().Single();
            Assert.Equal(("get_param", "Resolves parameter references.", Rocky), (function.Function, function.Description, function.TemplateVersion));
        }

        [Fact]
        public void PipedVersions_GiveTheirFunctions_WithConditionsWhenAsked()
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run("Get-HeatTemplateVersion *rocky -Session $session | Get-HeatTemplateFunction -WithConditions -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "get_param", "get_attr", "equals" }, result.Objects<HeatTemplateFunction>().Select(f => f.Function));
        }

        [Fact]
        public void AnUnknownVersion_IsHeatTemplateVersionNotFound_NamingIt()
        {
            var cloud = Cloud();
            cloud.On(HttpMethod.Get, "template_versions/heat_template_version.2099-01-01/functions").Error(HttpStatusCode.NotFound, "Template with version {} not found", "NotFound");
            using var host = new PowerShellHost(cloud);

            var result = host.Run("Get-HeatTemplateFunction 2099-01-01 -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatTemplateVersionNotFound,Heat.PowerShell.Cmdlets.GetHeatTemplateFunction", error.FullyQualifiedErrorId);
            Assert.Equal("heat_template_version.2099-01-01", error.TargetObject);
        }
    }
}
