using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class ResourceTypeRouteTests
    {
        private const string TypeRoute = "resource_types/OS%3A%3AHeat%3A%3ARandomString";

        [Fact]
        public async Task List_SendsEveryFilter_AndReadsNamesAndDescribedTypesAlike()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "resource_types?name=OS%3A%3AHeat&version=5.0.0&support_status=SUPPORTED&with_description=True").Json(HttpStatusCode.OK,
                new JObject { ["resource_types"] = new JArray(new JObject { ["resource_type"] = "OS::Heat::Value", ["description"] = "A value." }) });
            heat.On(HttpMethod.Get, "resource_types").Json(HttpStatusCode.OK, new JObject { ["resource_types"] = new JArray("OS::Heat::None", "OS::Heat::Value") });
            var client = heat.Client().ResourceTypes;

            var described = await client.ListAsync(new ResourceTypeListOptions { Name = "OS::Heat", Version = "5.0.0", SupportStatus = "SUPPORTED", WithDescription = true }, default);
            var names = await client.ListAsync(null, default);

            Assert.Equal("OS::Heat::Value", described.Single().ResourceType);
            Assert.Equal("A value.", described.Single().Description);
            Assert.Equal(new[] { "OS::Heat::None", "OS::Heat::Value" }, names.Select(t => t.ResourceType));
            Assert.All(names, t => Assert.Null(t.Description));
        }

        [Theory]
        [InlineData(@"{""resource_types"": [1]}")]
        [InlineData(@"{""types"": []}")]
        public async Task List_OfAnotherShape_IsAnInvalidResponse(string body)
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "resource_types").Json(HttpStatusCode.OK, JObject.Parse(body));

            await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().ResourceTypes.ListAsync(null, default));
        }

        [Fact]
        public async Task Schema_GivesPropertiesAndAttributes_AsNamedObjects_InHeatsOrder()
        {
            var heat = new FakeHeat().ShowsResourceType(HeatFixtures.RandomStringSchema());

            var schema = await heat.Client().ResourceTypes.GetSchemaAsync(HeatFixtures.RandomString, withDescription: false, default);

            Assert.Equal(new[] { $"GET {TypeRoute}" }, heat.Log);
            Assert.Equal(HeatFixtures.RandomString, schema.ResourceType);
            Assert.Equal(new[] { "length", "character_classes", "salt" }, schema.Properties.Select(p => p.Name));
            var length = schema.Properties[0];
            Assert.Equal(("integer", false, 32, false, false), (length.Type, length.Required, (int)length.Default, length.UpdateAllowed, length.Immutable));
            Assert.Equal(512, ((Hashtable)Assert.Single(length.Constraints)["range"])["max"]);
            Assert.Null(schema.Properties[2].Default);
            Assert.Empty(schema.Properties[2].Constraints);
            // A list's items are one schema named "*", a map's entries are named by their keys.
            var item = Assert.Single(schema.Properties[1].Schema);
            Assert.Equal(("*", "map"), (item.Name, item.Type));
            Assert.Equal(new object[] { "lettersdigits", "letters", "digits" }, (object[])item.Schema.Single(s => s.Name == "class").Constraints[0]["allowed_values"]);
            Assert.Equal(new[] { ("value", "string"), ("show", "map") }, schema.Attributes.Select(a => (a.Name, a.Type)));
            Assert.Equal(("SUPPORTED", "2014.1", (string)null), (schema.SupportStatus, schema.SupportVersion, schema.SupportMessage));
            Assert.Null(schema.Description);
        }

        [Fact]
        public async Task Schema_WithDescription_ReadsItFromTheList_WhenHeatIgnoresTheQuery()
        {
            var heat = new FakeHeat().ShowsResourceType(HeatFixtures.RandomStringSchema())
                .ListsResourceTypes((HeatFixtures.RandomString + "Plus", "not this one"), (HeatFixtures.RandomString, "A resource which generates a random string."));

            var schema = await heat.Client().ResourceTypes.GetSchemaAsync(HeatFixtures.RandomString, withDescription: true, default);

            Assert.Equal(new[]
            {
                $"GET {TypeRoute}?with_description=True",
                // Heat's filter is a regular expression: the name is escaped and anchored, so RandomStringPlus is not listed.
                @"GET resource_types?name=%5EOS%5C%3A%5C%3AHeat%5C%3A%5C%3ARandomString%24&with_description=True",
            }, heat.Log);
            Assert.Equal("A resource which generates a random string.", schema.Description);
        }

        [Fact]
        public async Task Schema_WithDescription_AsksOnce_WhenHeatGivesIt()
        {
            var heat = new FakeHeat().ShowsResourceType(HeatFixtures.RandomStringSchema().With("description", "Given here."));

            var schema = await heat.Client().ResourceTypes.GetSchemaAsync(HeatFixtures.RandomString, withDescription: true, default);

            Assert.Single(heat.Requests);
            Assert.Equal("Given here.", schema.Description);
        }

        [Theory]
        [InlineData(@"{""resource_type"": ""X"", ""properties"": [""length""]}")]
        [InlineData(@"{""resource_type"": ""X"", ""properties"": {""length"": ""integer""}}")]
        [InlineData(@"{""resource_type"": ""X"", ""properties"": {""length"": {""constraints"": [""range""]}}}")]
        public async Task Schema_OfAnotherShape_IsAnInvalidResponse(string body)
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "resource_types/X").Json(HttpStatusCode.OK, JObject.Parse(body));

            await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().ResourceTypes.GetSchemaAsync("X", false, default));
        }

        [Fact]
        public async Task UnknownType_IsNotFound_WithHeatsWords()
        {
            var heat = new FakeHeat().MissingResourceType("OS::Nope");

            var error = await Assert.ThrowsAsync<HeatNotFoundException>(() => heat.Client().ResourceTypes.GetSchemaAsync("OS::Nope", false, default));

            Assert.Equal("The Resource Type (OS::Nope) could not be found.", error.Message);
        }

        [Theory]
        [InlineData(GeneratedTemplateType.Hot, "hot", "heat_template_version")]
        [InlineData(GeneratedTemplateType.Cfn, "cfn", "HeatTemplateFormatVersion")]
        public async Task Template_AsksForTheType_AndGivesTheBodyAsJsonText(GeneratedTemplateType type, string query, string versionKey)
        {
            var heat = new FakeHeat().GeneratesTemplate(HeatFixtures.RandomString, HeatFixtures.RandomStringHotTemplate(), HeatFixtures.RandomStringCfnTemplate());

            var text = await heat.Client().ResourceTypes.GenerateTemplateAsync(HeatFixtures.RandomString, type, default);

            Assert.Equal(new[] { $"GET {TypeRoute}/template?template_type={query}" }, heat.Log);
            var template = JObject.Parse(text);
            Assert.NotNull(template[versionKey]);
            Assert.True(JToken.DeepEquals(type == GeneratedTemplateType.Hot ? HeatFixtures.RandomStringHotTemplate() : HeatFixtures.RandomStringCfnTemplate(), template));
        }

        [Fact]
        public async Task Template_ThatIsNotAnObject_IsAnInvalidResponse()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, $"{TypeRoute}/template").Text(HttpStatusCode.OK, "application/json", "[]");

            await Assert.ThrowsAsync<HeatInvalidResponseException>(() => heat.Client().ResourceTypes.GenerateTemplateAsync(HeatFixtures.RandomString, GeneratedTemplateType.Hot, default));
        }
    }
}
