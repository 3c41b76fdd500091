using System.Linq;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class GetHeatResourceTypeTests
    {
        private static FakeHeat Cloud() => new FakeHeat()
            .ListsResourceTypes(("OS::Heat::Value", "A value."), (HeatFixtures.RandomString, "A random string."), ("AWS::EC2::Instance", "An instance."), ("OS::Heat::None", "Nothing."))
            .ShowsResourceType(HeatFixtures.RandomStringSchema())
            .ShowsResourceType(HeatFixtures.RandomStringSchema().With("resource_type", "OS::Heat::Value"))
            .GeneratesTemplate(HeatFixtures.RandomString, HeatFixtures.RandomStringHotTemplate(), HeatFixtures.RandomStringCfnTemplate())
            .MissingResourceType("OS::Nope");

        [Fact]
        public void List_IsSortedByName_AndWildcardsIgnoreCase()
        {
            using var host = new PowerShellHost(Cloud());

            var all = host.Run("Get-HeatResourceType -Session $session");
            var heat = host.Run("Get-HeatResourceType os::heat::* -Session $session");

            Assert.Equal(new[] { "AWS::EC2::Instance", "OS::Heat::None", "OS::Heat::RandomString", "OS::Heat::Value" }, all.Objects<HeatResourceType>().Select(t => t.ResourceType));
            Assert.Equal(new[] { "OS::Heat::None", "OS::Heat::RandomString", "OS::Heat::Value" }, heat.Objects<HeatResourceType>().Select(t => t.ResourceType));
            Assert.All(all.Objects<HeatResourceType>(), t => Assert.Null(t.Description));
        }

        [Fact]
        public void WithDescription_AsksHeatForThem()
        {
            var cloud = Cloud();
            using var host = new PowerShellHost(cloud);

            var result = host.Run("Get-HeatResourceType *Value -WithDescription -Session $session");

            Assert.Equal(new[] { "GET resource_types?with_description=True" }, cloud.Log);
            Assert.Equal("A value.", result.Objects<HeatResourceType>().Single().Description);
        }

        [Fact]
        public void AnExactNameHeatDoesNotList_IsNotFound_AndTheOthersAreWritten()
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run("Get-HeatResourceType OS::Nope, OS::Heat::None -Session $session");

            Assert.Equal("OS::Heat::None", result.Objects<HeatResourceType>().Single().ResourceType);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatResourceTypeNotFound,Heat.PowerShell.Cmdlets.GetHeatResourceType", error.FullyQualifiedErrorId);
            Assert.Equal("OS::Nope", error.TargetObject);
        }

        [Fact]
        public void Schema_OfAnExactName_IsOneRequest_AndAPatternReadsTheList()
        {
            var cloud = Cloud();
            using var host = new PowerShellHost(cloud);

            var exact = host.Run("Get-HeatResourceType OS::Heat::RandomString -Schema -Session $session");
            var pattern = host.Run("Get-HeatResourceType OS::Heat::[RV]* -Schema -Session $session");

            var schema = exact.Objects<HeatResourceTypeSchema>().Single();
            Assert.Equal(new[] { "length", "character_classes", "salt" }, schema.Properties.Select(p => p.Name));
            Assert.Equal(new[] { "OS::Heat::RandomString", "OS::Heat::Value" }, pattern.Objects<HeatResourceTypeSchema>().Select(s => s.ResourceType));
            Assert.Equal(new[]
            {
                "GET resource_types/OS%3A%3AHeat%3A%3ARandomString",
                "GET resource_types",
                "GET resource_types/OS%3A%3AHeat%3A%3ARandomString",
                "GET resource_types/OS%3A%3AHeat%3A%3AValue",
            }, cloud.Log);
        }

        [Fact]
        public void Schema_OfAPipedResource_IsThatOfItsType()
        {
            var cloud = Cloud().ListsResources("web", "s1", HeatFixtures.Resource("rand", HeatFixtures.RandomString, "web", "s1"));
            using var host = new PowerShellHost(cloud);

            var result = host.Run("Get-HeatResource web -Session $session | Get-HeatResourceType -Schema -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(HeatFixtures.RandomString, result.Objects<HeatResourceTypeSchema>().Single().ResourceType);
        }

        [Fact]
        public void Schema_OfAnUnknownType_IsHeatResourceTypeNotFound()
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run("Get-HeatResourceType OS::Nope -Schema -Session $session");

            Assert.Equal("HeatResourceTypeNotFound,Heat.PowerShell.Cmdlets.GetHeatResourceType", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("hot")]
        [InlineData("CFN")]
        public void AsTemplate_WritesTheGeneratedTemplate_AsIndentedJson(string kind)
        {
            using var host = new PowerShellHost(Cloud());

            var result = host.Run($"Get-HeatResourceType OS::Heat::RandomString -AsTemplate {kind} -Session $session");

            var text = Assert.IsType<string>(result.Output.Single().BaseObject);
            var expected = kind == "hot" ? HeatFixtures.RandomStringHotTemplate() : HeatFixtures.RandomStringCfnTemplate();
            Assert.True(JToken.DeepEquals(expected, JObject.Parse(text)), text);
            Assert.Contains("\n", text);
        }

        [Theory]
        [InlineData("$null | Get-HeatResourceType -Session $session")]
        [InlineData("'' | Get-HeatResourceType -Session $session")]
        [InlineData("[pscustomobject]@{ ResourceType = $null } | Get-HeatResourceType -Session $session")]
        public void AnEmptyPipedName_IsAnError_NeverTheWholeList(string script)
        {
            var cloud = Cloud();
            using var host = new PowerShellHost(cloud);

            var result = host.Run(script);

            Assert.Empty(result.Output);
            Assert.StartsWith("ParameterArgumentValidationError,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(cloud.Requests);
        }
    }
}
