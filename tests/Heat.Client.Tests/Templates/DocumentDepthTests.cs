using System;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Newtonsoft.Json;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// A stack overflow cannot be caught: it ends pwsh. Nesting is bounded while reading, counting what aliases expand
    /// to, low enough that everything that walks the tree afterwards fits in a small stack. These run on a 256 KiB
    /// thread (a quarter of the smallest stack the module is expected to run on) so that a regression shows here
    /// and not in a user's session.
    /// </summary>
    public class DocumentDepthTests
    {
        private const int Bound = TemplateLimits.MaxDocumentDepth;
        private const string Header = "heat_template_version: 2018-08-31\noutputs:\n  o:\n    value: ";

        private static T OnSmallStack<T>(Func<T> work)
        {
            var result = default(T);
            ExceptionDispatchInfo failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            }, 256 * 1024);
            thread.Start();
            thread.Join();
            failure?.Throw();
            return result;
        }

        private static string Nested(int depth, string open = "[", string close = "]", string inner = "x") =>
            Repeat(open, depth) + inner + Repeat(close, depth);

        private static string Repeat(string text, int count) => new StringBuilder().Insert(0, text, count).ToString();

        /// <summary>The template's own mapping, outputs and o are three levels: the value adds the rest.</summary>
        private static string TemplateNesting(int depth, string open = "[", string close = "]") => Header + Nested(depth - 3, open, close) + "\n";

        private static TemplateBundle CheckText(string text) => TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = text });

        [Fact]
        public void Thirty_thousand_nested_brackets_in_a_local_template_fail_cleanly_where_the_bound_is_crossed()
        {
            var folder = Fixture.TempDirectory();
            try
            {
                var path = Path.Combine(folder, "deep.yaml");
                File.WriteAllText(path, Header + Nested(30000) + "\n");

                var error = Assert.Throws<TemplateException>(() =>
                    OnSmallStack(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = path })));

                Assert.Equal(TemplateProblem.TooDeep, error.Problem);
                Assert.Equal(path, error.FilePath);
                Assert.Equal(4, error.Line);
                // "    value: " is 11 columns; the first '[' is level 4, so level Bound + 1 is that many brackets further.
                Assert.Equal(12 + Bound + 1 - 4, error.Column);
                Assert.Contains(Bound.ToString(), error.Message);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void Fifteen_thousand_nested_brackets_in_a_remote_template_fail_cleanly()
        {
            const string url = "https://repo.example.com/deep.yaml";
            Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) => Task.FromResult(Header + Nested(15000) + "\n");

            var error = Assert.Throws<TemplateException>(() => OnSmallStack(() =>
                TemplateLoader.LoadAsync(new TemplateRequest { TemplateUrl = url }, fetch, CancellationToken.None).GetAwaiter().GetResult()));

            Assert.Equal(TemplateProblem.TooDeep, error.Problem);
            Assert.Equal(url, error.FilePath);
            Assert.Equal(4, error.Line);
        }

        [Theory]
        [InlineData("[", "]")]
        [InlineData("{k: ", "}")]
        public void A_document_at_the_bound_loads_and_serialises_and_one_level_more_fails(string open, string close)
        {
            var bundle = OnSmallStack(() =>
            {
                var loaded = CheckText(TemplateNesting(Bound, open, close));
                PythonJson.Dumps(loaded.Template);
                loaded.Template.ToString(Formatting.None);
                return loaded;
            });
            var error = Assert.Throws<TemplateException>(() => OnSmallStack(() => CheckText(TemplateNesting(Bound + 1, open, close))));

            Assert.NotNull(bundle.Template["outputs"]["o"]["value"]);
            Assert.Equal(TemplateProblem.TooDeep, error.Problem);
            Assert.Equal(4, error.Line);
        }

        [Fact]
        public void Aliases_count_with_the_depth_of_what_they_expand_to()
        {
            // Each anchor wraps the previous alias in ten more levels: small text, unbounded depth once expanded.
            var text = new StringBuilder("heat_template_version: 2018-08-31\nl0: &l0 " + Nested(10) + "\n");
            for (var i = 1; i < 3000; i++)
            {
                text.Append('l').Append(i).Append(": &l").Append(i).Append(' ').Append(Nested(10, inner: "*l" + (i - 1))).Append('\n');
            }

            var error = Assert.Throws<TemplateException>(() => OnSmallStack(() => CheckText(text.ToString())));

            // l<k> is 10 * (k + 1) levels under the top mapping: the first to pass the bound is the one that fails.
            var first = (Bound - 1) / 10;
            Assert.Equal(TemplateProblem.TooDeep, error.Problem);
            Assert.Equal(first + 2, error.Line);
            Assert.Equal(("l" + first + ": &l" + first + " ").Length + 10 + 1, error.Column);
            Assert.Contains("*l" + (first - 1), error.Message);
        }

        [Fact]
        public void An_alias_that_expands_exactly_to_the_bound_loads()
        {
            // The top mapping is level 1 and b's list level 2, so *a may add Bound - 2 levels and no more.
            string TextWith(int anchorDepth) =>
                "heat_template_version: 2018-08-31\na: &a " + Nested(anchorDepth) + "\nb: [*a]\n";

            var bundle = OnSmallStack(() =>
            {
                var loaded = CheckText(TextWith(Bound - 2));
                PythonJson.Dumps(loaded.Template);
                return loaded;
            });
            var error = Assert.Throws<TemplateException>(() => OnSmallStack(() => CheckText(TextWith(Bound - 1))));

            Assert.NotNull(bundle.Template["b"]);
            Assert.Equal(TemplateProblem.TooDeep, error.Problem);
            Assert.Equal(3, error.Line);
            Assert.Equal(5, error.Column);
        }

        [Fact]
        public void Json_templates_have_the_same_bound()
        {
            string JsonNesting(int depth) =>
                "{\"heat_template_version\": \"2018-08-31\", \"outputs\": {\"o\": {\"value\": " + Nested(depth - 3, inner: "1") + "}}}";

            var bundle = OnSmallStack(() =>
            {
                var loaded = CheckText(JsonNesting(Bound));
                PythonJson.Dumps(loaded.Template);
                return loaded;
            });
            var over = Assert.Throws<TemplateException>(() => OnSmallStack(() => CheckText(JsonNesting(Bound + 1))));
            var far = Assert.Throws<TemplateException>(() => OnSmallStack(() => CheckText(JsonNesting(100000))));

            Assert.NotNull(bundle.Template["outputs"]);
            Assert.Equal(TemplateProblem.TooDeep, over.Problem);
            Assert.Equal(1, over.Line);
            Assert.Contains(Bound.ToString(), over.Message);
            Assert.Equal(TemplateProblem.TooDeep, far.Problem);
        }

        [Fact]
        public void A_get_file_target_too_deep_to_read_as_a_template_is_sent_as_text()
        {
            // heatclient sends a get_file target as text when it does not load as a template; so does this.
            var folder = Fixture.TempDirectory();
            try
            {
                var deep = "heat_template_version: 2018-08-31\nvalue: " + Nested(30000) + "\n";
                File.WriteAllText(Path.Combine(folder, "deep.yaml"), deep);
                File.WriteAllText(Path.Combine(folder, "top.yaml"),
                    "heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::Value\n    properties:\n      value: {get_file: deep.yaml}\n");

                var bundle = OnSmallStack(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = Path.Combine(folder, "top.yaml") }));

                Assert.Equal(deep, bundle.Files[HeatUrl.PathToFileUrl(Path.Combine(folder, "deep.yaml"))]);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
