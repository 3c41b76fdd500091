using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    public class CloudFormationTests
    {
        [Fact]
        public async Task Json_cfn_template_resolves_Type_of_a_template_resource()
        {
            var bundle = await Fixture.LoadAsync("edge/cfn/stack.template");

            Assert.Equal("2010-09-09", (string)bundle.Template["AWSTemplateFormatVersion"]);
            Assert.Equal(Fixture.UrlOf("edge/cfn/child.template"), (string)bundle.Template["Resources"]["Child"]["Type"]);
            Assert.Equal("OS::Heat::RandomString", (string)bundle.Template["Resources"]["Random"]["Type"]);
            var child = bundle.Files[Fixture.UrlOf("edge/cfn/child.template")];
            // Sent as heatclient would write it: ASCII-only JSON with \u escapes.
            Assert.Contains("\"\\u00fcn\\u00ef\"", child);
            Assert.Equal("OS::Heat::RandomString", (string)JObject.Parse(child)["Resources"]["Name"]["Type"]);
        }
    }
}
