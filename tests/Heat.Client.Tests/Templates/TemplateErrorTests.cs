using System.IO;
using System.Text;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>What the user sees when a template tree is wrong, before anything reaches Heat.</summary>
    public class TemplateErrorTests
    {
        [Fact]
        public async Task Yaml_syntax_error_names_the_file_line_and_column()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/errors/bad-indent.yaml"));

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/bad-indent.yaml"), error.FilePath);
            // PyYAML says line 6, column 16 ("mapping values are not allowed here") for the same file.
            Assert.Equal(6, error.Line);
            Assert.Equal(16, error.Column);
            Assert.StartsWith(Fixture.PathOf("edge/errors/bad-indent.yaml") + " (line 6, column 16): ", error.Message);
        }

        [Fact]
        public async Task Json_syntax_error_names_the_file_line_and_column()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/errors/bad.json"));

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/bad.json"), error.FilePath);
            Assert.Equal(5, error.Line);
            Assert.NotNull(error.Column);
        }

        [Fact]
        public async Task A_broken_child_template_is_reported_in_the_child_file()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/errors/uses-bad-child.yaml"));

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/bad-indent.yaml"), error.FilePath);
            Assert.Equal(6, error.Line);
        }

        [Fact]
        public async Task CloudFormation_short_form_tags_are_refused_where_they_are()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/errors/short-form-tag.yaml"));

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(8, error.Line);
            Assert.Equal(12, error.Column);
            Assert.Contains("'!GetAtt'", error.Message);
        }

        [Fact]
        public async Task Missing_version_is_reported_with_the_file()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/errors/no-version.yaml"));

            Assert.Equal(TemplateProblem.MissingVersion, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/no-version.yaml"), error.FilePath);
            Assert.Contains("heat_template_version", error.Message);
        }

        [Fact]
        public void A_mapping_that_is_not_a_template_is_refused()
        {
            var error = Assert.Throws<TemplateException>(() =>
                TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = "- heat_template_version\n- 2018-08-31\n" }));

            Assert.Equal(TemplateProblem.InvalidStructure, error.Problem);
        }

        [Fact]
        public async Task Missing_get_file_target_names_the_referencing_file_position_and_missing_path()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/errors/missing-get-file.yaml"));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/missing-get-file.yaml"), error.FilePath);
            Assert.Equal(Fixture.PathOf("edge/scripts/not-there.sh"), error.ReferencedPath);
            Assert.Equal(8, error.Line);
            Assert.Equal(26, error.Column);
            Assert.Contains("get_file '../scripts/not-there.sh'", error.Message);
            Assert.Contains(Fixture.PathOf("edge/scripts/not-there.sh") + " does not exist", error.Message);
        }

        [Fact]
        public void Missing_child_template_is_found_offline_too()
        {
            var error = Assert.Throws<TemplateException>(() =>
                TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = Fixture.PathOf("edge/errors/missing-child.yaml") }));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/lib/missing.yaml"), error.ReferencedPath);
            Assert.Equal(7, error.Line);
        }

        [Fact]
        public async Task Missing_top_template_is_reported()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/nope.yaml"));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/nope.yaml"), error.FilePath);
        }

        [Fact]
        public async Task A_cycle_of_child_templates_is_reported_not_followed()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() => Fixture.LoadAsync("edge/cycle/a.yaml"));

            Assert.Equal(TemplateProblem.Cycle, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/cycle/b.yaml"), error.FilePath);
            Assert.Contains("a.yaml -> " + Fixture.PathOf("edge/cycle/b.yaml") + " -> " + Fixture.PathOf("edge/cycle/a.yaml"), error.Message);
        }

        [Fact]
        public void Template_over_max_template_size_names_the_file_and_sizes()
        {
            var folder = Fixture.TempDirectory();
            var path = Path.Combine(folder, "huge.yaml");
            var text = new StringBuilder("heat_template_version: 2018-08-31\nresources:\n");
            for (var i = 0; text.Length <= 524288; i++)
            {
                text.Append("  r").Append(i).Append(":\n    type: OS::Heat::None\n");
            }
            File.WriteAllText(path, text.ToString());

            var error = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = path }));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal(path, error.FilePath);
            Assert.Contains(new FileInfo(path).Length + " bytes", error.Message);
            Assert.Contains("524288", error.Message);
        }

        [Fact]
        public void Child_template_over_the_limit_is_reported_in_the_child()
        {
            var folder = Fixture.TempDirectory();
            var child = new StringBuilder("heat_template_version: 2018-08-31\ndescription: >\n");
            while (child.Length <= 600000)
            {
                child.Append("  padding padding padding padding padding padding padding padding\n");
            }
            File.WriteAllText(Path.Combine(folder, "child.yaml"), child.ToString());
            File.WriteAllText(Path.Combine(folder, "parent.yaml"), "heat_template_version: 2018-08-31\nresources:\n  c:\n    type: child.yaml\n");

            var error = Assert.Throws<TemplateException>(() =>
                TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = Path.Combine(folder, "parent.yaml") }));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal(Path.Combine(folder, "child.yaml"), error.FilePath);
        }

        [Fact]
        public void Exactly_one_template_source_is_required()
        {
            Assert.Throws<System.ArgumentException>(() => TemplateLoader.CheckLocal(new TemplateRequest()));
            Assert.Throws<System.ArgumentException>(() =>
                TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = "x", TemplatePath = "y" }));
        }
    }
}
