using System.Linq;
using System.Text;
using Heat.Client.Analysis;
using Xunit;

namespace Heat.Client.Tests.Analysis
{
    /// <summary>The analyzer on shapes a hostile or odd template can take: a long chain, a resource that needs itself,
    /// names matched by wildcard.</summary>
    public class AnalyzerShapeTests
    {
        private static HeatTemplateDiagnostic[] Analyze(string text, params string[] rules) =>
            new TemplateAnalyzer { IncludeRules = rules }.Analyze(AnalyzedTemplate.Parse("t.yaml", text)).ToArray();

        [Fact]
        public void ALongChainOfDependencies_IsWalked_AndItsOneCycleFound()
        {
            var text = new StringBuilder("heat_template_version: 2018-08-31\nresources:\n");
            const int Count = 8000; // within Heat's 512 KiB, which the reader enforces
            for (int i = 0; i < Count; i++) text.Append($"  r{i}: {{type: N, depends_on: r{(i + 1) % Count}}}\n");

            var found = Analyze(text.ToString(), "HeatDependencyCycle");

            var cycle = Assert.Single(found);
            Assert.Equal("r0", cycle.Target);
        }

        [Fact]
        public void AResourceThatNeedsItself_IsACycle_AndAChainIsNot()
        {
            Assert.Single(Analyze("heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Heat::Value, properties: {value: {get_attr: [a, value]}}}\n", "HeatDependencyCycle"));
            Assert.Empty(Analyze("heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Heat::None}\n  b: {type: OS::Heat::None, depends_on: a}\n  c: {type: OS::Heat::None, depends_on: [a, b]}\n", "HeatDependencyCycle"));
        }

        [Fact]
        public void PseudoParametersAndCloudFormationRefs_AreNotMissing()
        {
            Assert.Empty(Analyze("heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Heat::Value, properties: {value: {get_param: OS::stack_name}}}\n", "HeatMissingReference"));
            Assert.Empty(Analyze("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Parameters\": {\"P\": {\"Type\": \"String\"}}, \"Resources\": {\"r\": {\"Type\": \"OS::Heat::None\", \"Properties\": {\"x\": {\"Ref\": \"P\"}, \"y\": {\"Ref\": \"AWS::StackName\"}}}}}", "HeatMissingReference"));
        }
    }
}
