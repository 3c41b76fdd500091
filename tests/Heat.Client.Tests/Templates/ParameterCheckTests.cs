using System.Collections;
using System.Linq;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// Parameter values checked as Heat's engine checks them on create. The expected messages are what the lab's Heat 19
    /// answered to a real create with each value (tests/Pester/LabFirstContact.Tests.ps1 compares a few again), and
    /// what Python 3.11's json.loads says of each text.
    /// </summary>
    public class ParameterCheckTests
    {
        private const string Template = @"heat_template_version: 2018-08-31
parameters:
  count: {type: number, default: 2, constraints: [{range: {min: 1, max: 5}}]}
  flavor: {type: string, default: small, constraints: [{allowed_values: [small, large]}]}
  name: {type: string, default: abc, constraints: [{length: {min: 3, max: 8}}, {allowed_pattern: '[a-z]+'}]}
  flag: {type: boolean, default: false}
  items: {type: comma_delimited_list, default: 'a,b', constraints: [{length: {max: 3}}]}
  data: {type: json, default: {}}
  described: {type: number, default: 1, constraints: [{range: {max: 10}, description: at most ten}]}
  ratio: {type: number, default: 0.5, constraints: [{range: {min: 0.1, max: 1.0}}]}
  odd: {type: number, default: 1, constraints: [{modulo: {step: 2, offset: 1}}]}
  nums: {type: number, default: 1, constraints: [{allowed_values: [1, 2, 3]}]}
  tags: {type: comma_delimited_list, default: a, constraints: [{allowed_values: [a, b]}]}
resources:
  r: {type: OS::Heat::None}
";

        private const string Acceptable = "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'";

        private static string[] Check(string template, IDictionary values, string environment = null)
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = template });
            var env = environment == null ? bundle.Environment : Newtonsoft.Json.Linq.JObject.Parse(environment);
            return ParameterCheck.Check(bundle.Template, env, TemplateParameters.Format(values)).Select(p => p.Message).ToArray();
        }

        [Theory]
        [InlineData("count", 7, "Parameter 'count' is invalid: 7 is out of range (min: 1, max: 5)")]
        [InlineData("count", "abc", "Parameter 'count' is invalid: could not convert string to float: 'abc'")]
        [InlineData("count", "", "Parameter 'count' is invalid: could not convert string to float: ''")]
        [InlineData("flavor", "medium", "Parameter 'flavor' is invalid: \"medium\" is not an allowed value [\"small\", \"large\"]")]
        [InlineData("name", "ab", "Parameter 'name' is invalid: length (2) is out of range (min: 3, max: 8)")]
        [InlineData("name", "abcdefghij", "Parameter 'name' is invalid: length (10) is out of range (min: 3, max: 8)")]
        [InlineData("name", "", "Parameter 'name' is invalid: length (0) is out of range (min: 3, max: 8)")]
        [InlineData("name", "ab1d", "Parameter 'name' is invalid: \"ab1d\" does not match pattern \"[a-z]+\"")]
        [InlineData("flag", "maybe", "Parameter 'flag' is invalid: Unrecognized value 'maybe', acceptable values are: " + Acceptable)]
        [InlineData("flag", "", "Parameter 'flag' is invalid: Unrecognized value '', acceptable values are: " + Acceptable)]
        [InlineData("items", "a,b,c,d", "Parameter 'items' is invalid: length (4) is out of range (min: None, max: 3)")]
        [InlineData("data", "{not json", "Parameter 'data' is invalid: Value must be valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")]
        [InlineData("data", "[1,2", "Parameter 'data' is invalid: Value must be valid JSON: Expecting ',' delimiter: line 1 column 5 (char 4)")]
        [InlineData("described", 11, "Parameter 'described' is invalid: at most ten")]
        [InlineData("ratio", 2, "Parameter 'ratio' is invalid: 2 is out of range (min: 0.1, max: 1.0)")]
        [InlineData("ratio", "0.05", "Parameter 'ratio' is invalid: 0.05 is out of range (min: 0.1, max: 1.0)")]
        [InlineData("odd", 4, "Parameter 'odd' is invalid: 4 is not a multiple of 2 with an offset of 1")]
        [InlineData("nums", 4, "Parameter 'nums' is invalid: \"4\" is not an allowed value [1, 2, 3]")]
        [InlineData("tags", "a,c", "Parameter 'tags' is invalid: [\"a\", \"c\"] is not an allowed value [\"a\", \"b\"]")]
        public void AValueHeatRefusesOnCreate_IsReported_InHeatsWords(string name, object value, string heatSays)
        {
            Assert.Equal(new[] { heatSays }, Check(Template, new Hashtable { [name] = value }));
        }

        [Theory]
        [InlineData("count", "1.5")]
        [InlineData("count", " 3 ")]
        [InlineData("nums", "2.0")]
        [InlineData("flag", "Yes")]
        [InlineData("tags", "b,a")]
        [InlineData("data", "")]
        [InlineData("name", "abcd")]
        public void AValueHeatTakes_IsNoProblem(string name, object value)
        {
            Assert.Empty(Check(Template, new Hashtable { [name] = value }));
        }

        [Fact]
        public void EveryProblem_IsReported_NotOnlyTheFirst_InTheTemplatesOrder()
        {
            var problems = Check(Template, new Hashtable { ["nums"] = 9, ["count"] = 0, ["flag"] = "maybe" });

            Assert.Equal(3, problems.Length);
            Assert.StartsWith("Parameter 'count'", problems[0]);
            Assert.StartsWith("Parameter 'flag'", problems[1]);
            Assert.StartsWith("Parameter 'nums'", problems[2]);
        }

        [Fact]
        public void AParameterWithoutDefault_NeedsAValue_FromTheCallOrTheEnvironment()
        {
            const string template = "heat_template_version: 2018-08-31\nparameters:\n  image: {type: string}\n  size: {type: number}\n  zone: {type: string}\n";

            var problems = Check(template, new Hashtable { ["size"] = 2 },
                "{\"parameters\": {\"zone\": \"az1\"}, \"parameter_defaults\": {\"image\": \"debian\"}}");
            var nothing = Check(template, new Hashtable());

            Assert.Empty(problems);
            Assert.Equal(new[] { "The Parameter (image) was not provided.", "The Parameter (size) was not provided.", "The Parameter (zone) was not provided." },
                nothing);
        }

        [Fact]
        public void TheCallsValueWinsOverTheEnvironments_AndAnEnvironmentValueIsChecked()
        {
            const string environment = "{\"parameters\": {\"count\": \"9\", \"odd\": 2}}";

            var fromEnvironment = Check(Template, new Hashtable(), environment);
            var overridden = Check(Template, new Hashtable { ["count"] = 3 }, environment);

            Assert.Equal(new[] { "Parameter 'count' is invalid: 9 is out of range (min: 1, max: 5)", "Parameter 'odd' is invalid: 2 is not a multiple of 2 with an offset of 1" },
                fromEnvironment);
            Assert.Equal(new[] { "Parameter 'odd' is invalid: 2 is not a multiple of 2 with an offset of 1" }, overridden);
        }

        [Fact]
        public void ACloudFormationTemplate_IsCheckedByItsOwnKeys()
        {
            const string template = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Size:\n    Type: Number\n    MinValue: '1'\n    MaxValue: '4'\n" +
                                    "  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n    ConstraintDescription: dev or prod\nResources: {}\n";

            var problems = Check(template, new Hashtable { ["Size"] = 5, ["Env"] = "test" });

            Assert.Equal(new[] { "Parameter 'Size' is invalid: 5 is out of range (min: 1, max: 4)", "Parameter 'Env' is invalid: dev or prod" }, problems);
        }

        /// <summary>What python3 -c "import json; json.loads(t)" says on this machine (Python 3.11, as Heat 19's).</summary>
        [Theory]
        [InlineData("", "Expecting value: line 1 column 1 (char 0)")]
        [InlineData("  ", "Expecting value: line 1 column 3 (char 2)")]
        [InlineData("{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)")]
        [InlineData("[1,]", "Expecting value: line 1 column 4 (char 3)")]
        [InlineData("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)")]
        [InlineData("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)")]
        [InlineData("1 2", "Extra data: line 1 column 3 (char 2)")]
        [InlineData("{\"a\":1", "Expecting ',' delimiter: line 1 column 7 (char 6)")]
        [InlineData("[", "Expecting value: line 1 column 2 (char 1)")]
        [InlineData("\"a\\x\"", "Invalid \\escape: line 1 column 3 (char 2)")]
        [InlineData("nul", "Expecting value: line 1 column 1 (char 0)")]
        [InlineData("-", "Expecting value: line 1 column 1 (char 0)")]
        [InlineData("\t[1,\n 2 x]", "Expecting ',' delimiter: line 2 column 4 (char 8)")]
        [InlineData("[01]", "Expecting ',' delimiter: line 1 column 3 (char 2)")]
        [InlineData("{\"a\": [1, 2.5e3, true, null, NaN, -Infinity, \"\\u00e9\"]}", null)]
        public void JsonErrors_ArePythons(string text, string python)
        {
            Assert.Equal(python, PythonJsonErrors.Of(text));
        }
    }
}
