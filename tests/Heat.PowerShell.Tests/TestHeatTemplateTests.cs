using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class TestHeatTemplateTests
    {
        private const string Template = "'heat_template_version: 2018-08-31'";

        [Fact]
        public void Invalid_IsAnErrorWithHeatsMessage()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "validate").Error(HttpStatusCode.BadRequest, "The Resource Type (OS::Nope) could not be found.", "StackValidationFailed");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -Template {Template} -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("The Resource Type (OS::Nope) could not be found.", error.Exception.Message);
        }

        private const string Constrained = "heat_template_version: 2018-08-31\nparameters:\n" +
                                           "  count: {type: number, constraints: [{range: {min: 1, max: 5}}]}\n" +
                                           "  flag: {type: boolean, default: false}\n" +
                                           "  image: {type: string}\n";

        [Fact]
        public void Parameter_ValuesACreateWouldRefuse_AreErrors_OnePerParameter_InHeatsWords()
        {
            var heat = new FakeHeat().Validates();
            using var host = new PowerShellHost(heat);
            host.Runspace.SessionStateProxy.SetVariable("template", Constrained);

            var result = host.Run("Test-HeatTemplate -Template $template -Parameter @{ count = 9; flag = 'maybe'; image = 'debian' } -Session $session");

            Assert.Empty(result.Output);
            Assert.Equal(new[] { "POST validate" }, heat.Log);
            Assert.All(result.Errors, e => Assert.Equal("HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate", e.FullyQualifiedErrorId));
            Assert.Equal(new[]
            {
                "(template text): Parameter 'count' is invalid: 9 is out of range (min: 1, max: 5)",
                "(template text): Parameter 'flag' is invalid: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'",
            }, result.Errors.Select(e => e.Exception.Message));
        }

        [Fact]
        public void Parameter_AValueMissing_IsReported_Offline_Too()
        {
            using var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("template", Constrained);

            var result = host.Run("Test-HeatTemplate -Template $template -Parameter @{ count = 2 } -Offline");

            var error = Assert.Single(result.Errors);
            Assert.Equal("(template text): The Parameter (image) was not provided.", error.Exception.Message);
        }

        [Fact]
        public void WithoutParameter_ValuesAreNotChecked_TheTemplateAlone_IsValid()
        {
            using var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("template", Constrained);

            var result = host.Run("Test-HeatTemplate -Template $template -Offline");

            Assert.Empty(result.Errors);
            Assert.Single(result.Output);
        }

        [Fact]
        public void IgnoreErrorsAndShowNested_BuildOneQuery()
        {
            var heat = new FakeHeat().Validates();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -Template {Template} -IgnoreErrors 99001 -ShowNested -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "POST validate?ignore_errors=99001&show_nested=True" }, heat.Log);
        }

        [Fact]
        public void EnvironmentPath_MayBeAnHttpUrl()
        {
            const string Url = "http://templates.test/env/prod.yaml";
            var heat = new FakeHeat().Validates();
            heat.On(HttpMethod.Get, Url).Text(HttpStatusCode.OK, "text/plain", "parameters:\n  flavor: m1.large\n");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Test-HeatTemplate -Template {Template} -EnvironmentPath {Url} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "GET " + Url, "POST validate" }, heat.Log);
            var sent = heat.Sent(HttpMethod.Post).Single().Json;
            Assert.Equal("m1.large", (string)sent["environment"]["parameters"]["flavor"]);
            Assert.Equal(new[] { Url }, sent["environment_files"].Select(f => (string)f));
        }

        [Fact]
        public void Offline_AParameterWithoutADefinition_IsATemplateError_AsHeatSaysIt()
        {
            using var host = new PowerShellHost(new FakeHeat());

            var result = host.Run("Test-HeatTemplate -Offline -Template \"heat_template_version: 2018-08-31`nparameters:`n  p:`n\"");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("HeatTemplateInvalid,", error.FullyQualifiedErrorId);
            Assert.Contains("Invalid parameter (p), expected a mapping", error.Exception.Message);
        }
    

        [Fact]
        public void RangeLengthAndOtherConstraints_AreKept_AsTheTemplateWritesThem()
        {
            // What Heat 19's /validate answered on the lab for a template with range, length, pattern, allowed values and a
            // custom constraint: each as keys of the parameter.
            var answer = Newtonsoft.Json.Linq.JObject.Parse(@"{ ""Description"": ""x"", ""Parameters"": {
                ""count"": { ""Type"": ""Number"", ""Default"": 2, ""MinValue"": 1, ""MaxValue"": 5, ""ConstraintDescription"": ""one to five"" },
                ""name"": { ""Type"": ""String"", ""MinLength"": 2, ""MaxLength"": 8, ""AllowedPattern"": ""[a-z]+"" },
                ""flavor"": { ""Type"": ""String"", ""AllowedValues"": [""small"", ""large""] },
                ""img"": { ""Type"": ""String"", ""CustomConstraint"": ""nova.flavor"" } } }");
            using var host = new PowerShellHost(new FakeHeat().Validates(answer));

            var result = host.Run($"$v = Test-HeatTemplate -Template {Template} -Session $session; " +
                                  "$v.Parameters | ForEach-Object { \"$($_.Name): $($_.Constraints -join ' / ')\" }; [string]$v.Parameters[0].Constraints[0].range.max");

            Assert.Empty(result.Errors);
            Assert.Equal(new object[]
            {
                "count: range 1..5 (one to five)", "name: length 2..8 / allowed_pattern [a-z]+", "flavor: allowed_values small,large",
                "img: custom_constraint nova.flavor", "5",
            }, result.Output.Select(o => o.BaseObject).ToArray());
        }

        [Fact]
        public void Offline_HotConstraints_AreKept()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run("(Test-HeatTemplate -Offline -Template \"heat_template_version: 2018-08-31`nparameters:`n  n:`n    type: number`n" +
                                  "    constraints:`n      - range: {min: 1, max: 3}`n      - modulo: {step: 2, offset: 1}`n\").Parameters[0].Constraints -join ' / '");

            Assert.Equal("range 1..3 / modulo step 2 offset 1", Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void AnUndeclaredParameter_NamesTheFileOnce()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"feel-{System.Guid.NewGuid():N}.yaml");
            System.IO.File.WriteAllText(path, "heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::Value\n" +
                                              "    properties:\n      value: {get_param: nope}\n");
            try
            {
                using var host = new PowerShellHost(null);

                var result = host.Run($"Test-HeatTemplate -Offline -TemplatePath '{path}'");

                var error = Assert.Single(result.Errors);
                Assert.Single(System.Text.RegularExpressions.Regex.Matches(error.Exception.Message, System.Text.RegularExpressions.Regex.Escape(path)));
                Assert.Contains("The Parameter (nope) is not declared in the template's parameters (used at resources.r.properties.value)", error.Exception.Message);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Fact]
        public void AnEnvironmentFile_GivenAsATemplate_IsSaidToBeAnEnvironment()
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"feel-{System.Guid.NewGuid():N}");
            System.IO.Directory.CreateDirectory(folder);
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "env.yaml"), "parameters:\n  flavor: m1.small\nresource_registry:\n  My::Thing: thing.yaml\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "broken.yaml"), "parameters:\n  flavor:\n    type: string\n");
            try
            {
                using var host = new PowerShellHost(null);

                var result = host.Run($"Get-ChildItem '{folder}' -Filter *.yaml | Sort-Object Name | Test-HeatTemplate -Offline");

                Assert.Equal(2, result.Errors.Count);
                Assert.Contains("template format version not found", result.Errors[0].Exception.Message);
                Assert.Contains("env.yaml", result.Errors[1].Exception.Message);
                Assert.Contains("this is a Heat environment file", result.Errors[1].Exception.Message);
                // The client says what the file is; the module says how to give it.
                Assert.DoesNotContain("-EnvironmentPath", result.Errors[1].Exception.Message);
                Assert.EndsWith("Give it with -EnvironmentPath beside a template.", result.Errors[1].ToString());
            }
            finally
            {
                System.IO.Directory.Delete(folder, true);
            }
        }
    }
}
