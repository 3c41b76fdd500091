using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>A create previewed (issue 20): Compare-HeatStack for a name with no stack, New-HeatStack -WhatIf and
    /// Set-HeatStack -WhatIf write Heat's create preview as Added rows, and nothing is created.</summary>
    public class CreatePreviewTests
    {
        private const string Template = @"'heat_template_version: 2018-08-31
parameters:
  secret: {type: string, hidden: true, default: s3cr3t}
resources:
  a: {type: OS::Heat::TestResource}
  b: {type: OS::Heat::RandomString}
  c: {type: OS::Heat::None}'";

        private static JObject Resource(string name, string type) => new JObject
        {
            ["resource_name"] = name, ["resource_type"] = type, ["stack_name"] = "new",
            ["stack_identity"] = new JObject { ["stack_name"] = "new", ["stack_id"] = "None" },
        };

        /// <summary>No stack named new; Heat's create preview lists its three resources.</summary>
        private static FakeHeat Heat()
        {
            var heat = new FakeHeat().MissingStack("new");
            heat.On(HttpMethod.Post, "stacks/preview").Json(HttpStatusCode.OK, new JObject
            {
                ["stack"] = new JObject
                {
                    ["stack_name"] = "new", ["id"] = "None",
                    ["resources"] = new JArray(Resource("c", "OS::Heat::None"), Resource("b", "OS::Heat::RandomString"), Resource("a", "OS::Heat::TestResource")),
                },
            });
            return heat;
        }

        private static string[] Rows(PowerShellHost.Result result) =>
            result.Objects<HeatStackDifference>().Select(d => $"{d.StackName} {d.Change} {d.Kind} {d.Name} {d.ResourceType ?? d.After}").ToArray();

        private static readonly string[] Expected =
        {
            "new Added Resource c OS::Heat::None",
            "new Added Resource b OS::Heat::RandomString",
            "new Added Resource a OS::Heat::TestResource",
            "new Added Parameter secret (hidden)",
        };

        /// <summary>Only the preview was posted: no create, no update.</summary>
        private static void NothingMade(FakeHeat heat) =>
            Assert.Equal(new[] { "POST stacks/preview" }, heat.Requests.Where(r => r.Method != HttpMethod.Get.Method).Select(r => r.ToString()));

        [Fact]
        public void CompareHeatStack_ForANameWithNoStack_PreviewsTheCreate()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Compare-HeatStack new -Template {Template} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(Expected, Rows(result));
            NothingMade(heat);
        }

        [Fact]
        public void NewHeatStack_WhatIf_WritesTheSameRows_AndCreatesNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack new -Template {Template} -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(Expected, Rows(result));
            Assert.Equal(new[] { "What if: Performing the operation \"Create Heat stack\" on target \"new\"." }, result.HostLines);
            NothingMade(heat);
        }

        [Fact]
        public void NewHeatStack_UnderAWhatIfPreference_PreviewsToo()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"$WhatIfPreference = $true; New-HeatStack new -Template {Template} -Confirm:$false -Session $session");

            Assert.Equal(Expected, Rows(result));
            NothingMade(heat);
        }

        [Fact]
        public void SetHeatStack_WhatIf_ForANewStack_WritesTheCreatePreview()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Set-HeatStack new -Template {Template} -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(Expected, Rows(result));
            NothingMade(heat);
        }

        [Fact]
        public void APreviewHeatRefuses_IsAnErrorRecord_NamingTheStack()
        {
            var heat = new FakeHeat().MissingStack("new");
            heat.On(HttpMethod.Post, "stacks/preview").Error(HttpStatusCode.BadRequest, "Property error: resources.a.properties.value: bad", "StackValidationFailed");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"New-HeatStack new -Template {Template} -WhatIf -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("new", error.TargetObject);
            Assert.Contains("resources.a.properties.value", error.Exception.Message);
            Assert.Empty(result.Objects<HeatStackDifference>());
        }
    }
}
