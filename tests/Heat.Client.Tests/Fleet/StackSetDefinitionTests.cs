using System;
using System.IO;
using System.Linq;
using Heat.Client.Fleet;
using Xunit;

namespace Heat.Client.Tests.Fleet
{
    /// <summary>Stack set definition files (issue 22, docs/stack-set-format.md): read whole, and each mistake an error at
    /// its line and column before anything is sent.</summary>
    public sealed class StackSetDefinitionTests : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "stackset-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Write(string text)
        {
            var path = Path.Combine(_folder, "fleet.yaml");
            File.WriteAllText(path, text);
            return path;
        }

        private const string Fleet =
            "name: web-fleet\n" +
            "template: app.yaml\n" +
            "environment: [env/common.yaml]\n" +
            "parameters: {flavor: small, zones: [a, b]}\n" +
            "tags: [web]\n" +
            "targets:\n" +
            "  - cloud: east\n" +
            "  - cloud: west\n" +
            "    parameters: {flavor: large, zones: [c]}\n" +
            "  - cloud: lab\n" +
            "    region: RegionTwo\n" +
            "    stack_name: web-lab\n";

        [Fact]
        public void ADefinition_GivesEachTargetItsStackNameAndParameters_AndPathsFromItsFolder()
        {
            var set = StackSetDefinition.Read(Write(Fleet));

            Assert.Equal("web-fleet", set.Name);
            Assert.Equal(Path.Combine(_folder, "app.yaml"), set.TemplatePath);
            Assert.Equal(new[] { Path.Combine(_folder, "env", "common.yaml") }, set.EnvironmentPaths);
            Assert.Equal(new[] { "web" }, set.Tags);
            Assert.Equal(new[] { "web-fleet in east", "web-fleet in west", "web-lab in lab (RegionTwo)" }, set.Targets.Select(t => t.ToString()));
            Assert.Equal("small", (string)set.Targets[0].Parameters["flavor"]);
            Assert.Equal("large", (string)set.Targets[1].Parameters["flavor"]);
            Assert.Equal(new[] { "c" }, set.Targets[1].Parameters["zones"].Select(z => (string)z));
            Assert.Equal(new[] { "a", "b" }, set.Targets[0].Parameters["zones"].Select(z => (string)z));
        }

        [Theory]
        [InlineData("name: web-fleet\ntemplate: app.yaml\ntargets:\n  - cloud: east\n    regoin: R2\n", 5, 5, "target 1 has no key 'regoin'")]
        [InlineData("name: web-fleet\ntemplate: app.yaml\ntarget:\n  - cloud: east\n", 3, 1, "a stack set has no key 'target'")]
        [InlineData("name: 9web\ntemplate: app.yaml\ntargets:\n  - cloud: east\n", 1, 7, "name '9web' is not a name Heat takes")]
        [InlineData("name: web\ntemplate: app.yaml\ntargets:\n  - cloud: east\n  - cloud: east\n", 5, 5, "target 2 is the same stack as target 1")]
        [InlineData("name: web\ntemplate: app.yaml\ntargets: []\n", 3, 10, "targets is a list of at least one target")]
        [InlineData("name: web\ntargets:\n  - cloud: east\n", null, null, "template is missing")]
        [InlineData("name: web\ntemplate: app.yaml\ntargets:\n  - region: R2\n", null, null, "target 1's cloud is missing")]
        public void AMistake_IsAnErrorAtItsLineAndColumn(string text, int? line, int? column, string detail)
        {
            var error = Assert.Throws<StackSetException>(() => StackSetDefinition.Read(Write(text)));

            Assert.StartsWith(detail, error.Detail, StringComparison.Ordinal);
            if (line != null)
            {
                Assert.Equal(line, error.Line);
                Assert.Equal(column, error.Column);
            }
        }

        [Fact]
        public void AHostileFile_IsRefusedByTheReadersBounds_NotExpanded()
        {
            var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n"));

            var error = Assert.Throws<StackSetException>(() => StackSetDefinition.Read(Write(bomb)));

            Assert.NotNull(error.Line);
        }

        [Fact]
        public void TooManyTargets_AreRefused()
        {
            var text = "name: web\ntemplate: app.yaml\ntargets:\n" + string.Concat(Enumerable.Range(0, StackSetDefinition.MaxTargets + 1).Select(i => $"  - {{cloud: c{i}}}\n"));

            var error = Assert.Throws<StackSetException>(() => StackSetDefinition.Read(Write(text)));

            Assert.Contains("at most 1000 targets", error.Detail, StringComparison.Ordinal);
        }
    }
}
