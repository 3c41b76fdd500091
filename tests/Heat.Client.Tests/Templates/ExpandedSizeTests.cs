using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// A YAML alias costs a few bytes and can stand for a 100 KB string: a file under Heat's max_template_size can be
    /// worth gigabytes once read. The size is counted, aliases expanded, while the document is read, and reading stops
    /// at Heat's limit before the copy that would pass it is made: nothing the size of the expansion is ever built.
    /// </summary>
    public sealed class ExpandedSizeTests : IDisposable
    {
        private const int Anchored = 100 * 1000;
        private const int Aliases = 1000; // the documents below stand for 100 MB each

        private readonly string _folder = Fixture.TempDirectory();

        public void Dispose() => Directory.Delete(_folder, true);

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>Line 2 anchors a long string, line 3 lists aliases of it, the first one at column 5 + <paramref name="key"/>.</summary>
        private static string Amplified(string first, string key) =>
            first + "\nbig: &big " + new string('x', Anchored) + "\n" + key + ": [" + string.Join(", ", Enumerable.Repeat("*big", Aliases)) + "]\n";

        private const string Version = "heat_template_version: 2018-08-31";

        /// <summary>Runs <paramref name="load"/> on this thread and returns what it threw and the bytes this thread allocated meanwhile.</summary>
        private static (TemplateException Error, long Allocated) Measure(Action load)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Assert.Throws<TemplateException>(load);
            return (error, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static void AssertStoppedAtAlias(TemplateException error, string file, string key)
        {
            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal(file, error.FilePath);
            Assert.Equal(3, error.Line);
            Assert.StartsWith(file + " (line 3, column ", error.Message);
            Assert.Contains("*big", error.Message);
            Assert.Contains("max_template_size", error.Message);
            Assert.True(error.Column > key.Length + 3, "the alias that crosses the bound is not the first one: " + error.Column);
        }

        [Fact]
        public void An_environment_whose_aliases_expand_past_max_template_size_is_refused_while_it_is_read()
        {
            // The text is 105 KB, under every cap on files; what it stands for is 100 MB.
            var template = Write("top.yaml", Version + "\nresources: {}\n");
            var environment = Write("env.yaml", Amplified("parameter_defaults:", "  list").Replace("\nbig:", "\n  big:"));
            var request = new TemplateRequest { TemplatePath = template, EnvironmentPaths = { environment } };

            var (error, allocated) = Measure(() => TemplateLoader.CheckLocal(request));

            AssertStoppedAtAlias(error, environment, "  list");
            Assert.True(allocated < 64L << 20, "the environment was built before it was refused: " + (allocated >> 20) + " MiB allocated");
        }

        [Fact]
        public void A_child_template_whose_aliases_expand_past_max_template_size_is_refused_before_its_json_is_built()
        {
            var child = Write("child.yaml", Amplified(Version, "parameter_groups"));
            var template = Write("top.yaml", Version + "\nresources:\n  c: {type: child.yaml}\n");

            var (error, allocated) = Measure(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = template }));

            // The JSON that would go into the files map (and so into the request body) is never made: the error comes
            // from reading the child, at the alias, not from measuring its JSON afterwards.
            AssertStoppedAtAlias(error, child, "parameter_groups");
            Assert.True(allocated < 64L << 20, "the child was built before it was refused: " + (allocated >> 20) + " MiB allocated");
        }

        [Fact]
        public void A_template_whose_aliases_expand_past_max_template_size_is_refused()
        {
            var template = Write("top.yaml", Amplified(Version, "parameter_groups"));

            var error = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = template }));

            // Heat measures the template it receives, aliases expanded: sent as it was, this was a 100 MB request body.
            AssertStoppedAtAlias(error, template, "parameter_groups");
        }

        [Fact]
        public void A_template_that_expands_to_just_under_the_limit_loads()
        {
            // 4 aliases of 100 KB, about 500,000 characters as JSON: under 524288.
            var text = Version + "\nbig: &big " + new string('x', Anchored) + "\nlist: [*big, *big, *big, *big]\n";

            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = text });

            Assert.Equal(4, bundle.Template["list"].Count());
            Assert.True(PythonJson.Dumps(bundle.Template).Length <= TemplateLimits.MaxTemplateBytes);
        }

        [Fact]
        public void Children_count_against_the_bundle_cap_as_the_json_they_become()
        {
            // Each child is 20 KB of text and 500,000 characters as JSON: 200 of them are 4 MB read and 100 MB held.
            var child = Version + "\nbig: &big " + new string('x', 20 * 1000) + "\nlist: [" + string.Join(", ", Enumerable.Repeat("*big", 24)) + "]\n";
            var top = new StringBuilder(Version + "\nresources:\n");
            for (var i = 0; i < 200; i++)
            {
                Write("child" + i + ".yaml", child);
                top.Append("  c").Append(i).Append(": {type: child").Append(i).Append(".yaml}\n");
            }

            var error = Assert.Throws<TemplateException>(() =>
                TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = top.ToString(), BaseDirectory = _folder }));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Contains(TemplateLimits.MaxBundleBytes.ToString(), error.Message);
            Assert.Matches("child1[0-9][0-9]\\.yaml$", error.ReferencedPath);
        }

        [Fact]
        public void A_get_file_target_that_is_not_a_template_is_sent_as_text_whatever_it_expands_to()
        {
            // A cloud-config with aliases is a file like any other: its text goes as it is, never expanded.
            var text = "#cloud-config\nbig: &big " + new string('x', Anchored) + "\nlist: [" + string.Join(", ", Enumerable.Repeat("*big", Aliases)) + "]\n";
            var target = Write("user-data.yaml", text);
            var template = Write("top.yaml", Version + "\nresources:\n  r: {type: OS::Heat::Value, properties: {value: {get_file: user-data.yaml}}}\n");

            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = template });

            Assert.Equal(text, bundle.Files[HeatUrl.PathToFileUrl(target)]);
        }

        [Fact]
        public void A_get_file_target_that_is_a_json_template_over_the_limit_is_refused_before_its_tree_is_built()
        {
            // 1.5 MB of small items: a tree of 750,000 nodes, had it been read into one.
            var text = "{\"heat_template_version\": \"2018-08-31\", \"parameter_groups\": [" + string.Join(",", Enumerable.Repeat("0", 750 * 1000)) + "]}";
            var target = Write("child.json", text);
            var template = Write("top.yaml", Version + "\nresources:\n  r: {type: OS::Heat::Value, properties: {value: {get_file: child.json}}}\n");

            var (error, allocated) = Measure(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = template }));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
            Assert.Equal(target, error.FilePath);
            Assert.Contains("max_template_size", error.Message);
            Assert.True(allocated < 64L << 20, "the tree was built before it was refused: " + (allocated >> 20) + " MiB allocated");
        }
    }
}
