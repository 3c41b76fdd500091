using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class TemplateVersionRouteTests
    {
        private const string Rocky = "heat_template_version.2018-08-31";

        [Fact]
        public async Task Versions_ComeWithTheirTypeAndAliases()
        {
            var heat = new FakeHeat().ListsTemplateVersions(
                HeatFixtures.TemplateVersion("AWSTemplateFormatVersion.2010-09-09", "cfn"),
                HeatFixtures.TemplateVersion(Rocky, "hot", "heat_template_version.rocky"));

            var versions = await heat.Client().TemplateVersions.ListAsync(default);

            Assert.Equal(new[] { "GET template_versions" }, heat.Log);
            Assert.Equal(new[] { ("AWSTemplateFormatVersion.2010-09-09", "cfn"), (Rocky, "hot") }, versions.Select(v => (v.Version, v.Type)));
            Assert.Empty(versions[0].Aliases);
            Assert.Equal(new[] { "heat_template_version.rocky" }, versions[1].Aliases);
        }

        [Fact]
        public async Task Functions_OfAVersion_KnowTheVersion_AndConditionsAreAskedFor()
        {
            var heat = new FakeHeat().ListsTemplateFunctions(Rocky,
                new[] { HeatFixtures.TemplateFunction("get_param", "A function for resolving parameter references.") },
                new[] { HeatFixtures.TemplateFunction("equals", "A function for comparing whether two values are equal.") });
            var client = heat.Client().TemplateVersions;

            var plain = await client.ListFunctionsAsync(Rocky, withConditions: false, default);
            var withConditions = await client.ListFunctionsAsync(Rocky, withConditions: true, default);

            Assert.Equal(new[]
            {
                $"GET template_versions/{Rocky}/functions",
                $"GET template_versions/{Rocky}/functions?with_condition_func=True",
            }, heat.Log);
            Assert.Equal(("get_param", "A function for resolving parameter references.", Rocky), (plain.Single().Function, plain.Single().Description, plain.Single().TemplateVersion));
            Assert.Equal(new[] { "get_param", "equals" }, withConditions.Select(f => f.Function));
        }

        [Fact]
        public async Task Functions_OfAnUnknownVersion_AreNotFound_WithHeatsWords()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "template_versions/heat_template_version.2099-01-01/functions")
                .Error(HttpStatusCode.NotFound, "Template with version heat_template_version.2099-01-01 not found", "NotFound");

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() =>
                heat.Client().TemplateVersions.ListFunctionsAsync("heat_template_version.2099-01-01", false, default));

            Assert.Equal("Template with version heat_template_version.2099-01-01 not found", error.Message);
        }

        [Fact]
        public async Task Functions_WithoutTheirEnvelope_AreAnInvalidResponse()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, $"template_versions/{Rocky}/functions").Json(HttpStatusCode.OK, new JObject { ["functions"] = new JArray() });

            await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().TemplateVersions.ListFunctionsAsync(Rocky, false, default));
        }
    }
}
