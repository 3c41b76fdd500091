using System;
using System.IO;
using System.Linq;
using System.Text;
using Heat.Client.Templates;
using Heat.Client.Tests.Templates;
using Xunit;

namespace Heat.Client.Tests.SoftwareConfig
{
    public class SoftwareConfigFilesTests
    {
        private readonly string _folder = Fixture.TempDirectory();

        private string Write(string name, string text, bool bom = false)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text, new UTF8Encoding(bom));
            return path;
        }

        [Fact]
        public void ConfigFile_IsSentAsItsText_WithoutAByteOrderMark()
        {
            // A BOM would sit before "#!" and the server could not run the script.
            var path = Write("deploy.sh", "#!/bin/sh\necho \"ünïcode\"\n", bom: true);

            Assert.Equal("#!/bin/sh\necho \"ünïcode\"\n", SoftwareConfigFiles.ReadConfig(path, default));
        }

        [Fact]
        public void ConfigFile_ThatIsADevice_IsRefused_NotReadForEver()
        {
            if (Path.DirectorySeparatorChar == '\\') return;

            var error = Assert.Throws<TemplateException>(() => SoftwareConfigFiles.ReadConfig("/dev/zero", default));

            Assert.Equal(TemplateProblem.NotRegularFile, error.Problem);
            Assert.Equal("/dev/zero: the config file is a character device, not a regular file", error.Message);
        }

        [Fact]
        public void ConfigFile_OverTheCapForOneFile_IsRefused()
        {
            var path = Path.Combine(_folder, "huge.sh");
            using (var file = File.Create(path)) file.SetLength(TemplateLimits.MaxFileBytes + 1L);

            var error = Assert.Throws<TemplateException>(() => SoftwareConfigFiles.ReadConfig(path, default));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
        }

        [Fact]
        public void ConfigFile_Missing_SaysSo()
        {
            var error = Assert.Throws<TemplateException>(() => SoftwareConfigFiles.ReadConfig(Path.Combine(_folder, "none.sh"), default));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.EndsWith("the config file does not exist", error.Message);
        }

        [Fact]
        public void Definition_GivesInputsOutputsAndOptions_WithYamlsTypes()
        {
            var path = Write("deploy.yaml", string.Join("\n",
                "inputs:",
                "- name: port",
                "  type: Number",
                "  default: 8080",
                "- name: greeting",
                "outputs:",
                "- name: result",
                "  error_output: true",
                "options:",
                "  verbose: true",
                ""));

            var definition = SoftwareConfigFiles.ReadDefinition(path, default);

            Assert.Equal(new[] { "port", "greeting" }, definition.Inputs.Select(i => i["name"]));
            Assert.Equal(8080, definition.Inputs[0]["default"]);
            Assert.Equal(true, definition.Outputs.Single()["error_output"]);
            Assert.Equal(true, definition.Options["verbose"]);
        }

        [Fact]
        public void Definition_WithoutOutputs_LeavesThemUnset()
        {
            var path = Write("inputs-only.json", "{\"inputs\": [{\"name\": \"a\"}]}");

            var definition = SoftwareConfigFiles.ReadDefinition(path, default);

            Assert.Single(definition.Inputs);
            Assert.Null(definition.Outputs);
            Assert.Null(definition.Options);
        }

        [Theory]
        [InlineData("input:\n- name: a\n", "'input' is not a section of a definition file (inputs, outputs, options)")]
        [InlineData("inputs:\n  name: a\n", "'inputs' must be a list of mappings (each with a name)")]
        [InlineData("inputs:\n- a\n", "each of 'inputs' must be a mapping (name, type, ...), not string")]
        [InlineData("options: [1]\n", "'options' must be a mapping")]
        [InlineData("- inputs\n", "a definition file must be a mapping of inputs, outputs and options")]
        public void Definition_OfTheWrongShape_IsRefused_NotHalfRead(string yaml, string problem)
        {
            // heatclient ignores what it does not know: a misspelt section would drop every input without a word.
            var path = Write("bad.yaml", yaml);

            var error = Assert.Throws<TemplateException>(() => SoftwareConfigFiles.ReadDefinition(path, default));

            Assert.Equal(TemplateProblem.InvalidStructure, error.Problem);
            Assert.Equal(path + ": " + problem, error.Message);
        }

        [Fact]
        public void Definition_WithAYamlError_SaysWhere()
        {
            var path = Write("broken.yaml", "inputs:\n- name: a\n  type: [\n");

            var error = Assert.Throws<TemplateException>(() => SoftwareConfigFiles.ReadDefinition(path, default));

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.NotNull(error.Line);
        }
    }
}
