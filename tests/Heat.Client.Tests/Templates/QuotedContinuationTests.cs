using System;
using System.Diagnostics;
using System.Text;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// Quoted scalars whose continuation lines are less indented than their block: PyYAML (Heat's loader) reads them,
    /// so the module must too, with PyYAML's values (the expected values below are what PyYAML 6 gives for each text).
    /// </summary>
    public class QuotedContinuationTests
    {
        private const string Version = "heat_template_version: 2018-08-31\n";

        private static JObject Parse(string yaml) => TemplateFormat.ParseTemplate(Version + yaml, "t.yaml");

        private static TemplateException Refused(string yaml) =>
            Assert.Throws<TemplateException>(() => TemplateFormat.ParseTemplate(Version + yaml, "t.yaml"));

        [Fact]
        public void A_double_quoted_scalar_continued_at_column_0_folds_as_PyYAML_folds_it()
        {
            var template = Parse("description: \"x\ny\n\n  z  w\n\"\noutputs:\n  o:\n    value: \"one\ntwo\n   three\"\n");

            Assert.Equal("x y\nz  w ", (string)template["description"]);
            Assert.Equal("one two three", (string)template["outputs"]["o"]["value"]);
        }

        [Fact]
        public void A_single_quoted_scalar_continued_at_column_0_folds_as_PyYAML_folds_it()
        {
            var template = Parse("outputs:\n  o:\n    value: 'it''s\nnot \"quoted\"\n\n  here'\n");

            Assert.Equal("it's not \"quoted\"\nhere", (string)template["outputs"]["o"]["value"]);
        }

        [Fact]
        public void Escapes_and_escaped_line_breaks_keep_their_meaning()
        {
            var template = Parse("outputs:\n  o:\n    value: \"a\\\nb \\\n   c \\\"hi\nthere\\\" \\\\\nend\"\n");

            Assert.Equal("ab c \"hi there\" \\ end", (string)template["outputs"]["o"]["value"]);
        }

        [Fact]
        public void Quotes_in_comments_and_block_scalars_start_no_scalar()
        {
            var template = Parse("# a \"comment\ndescription: |\n  text with a \"quote\n  and 'more\noutputs:\n  o:\n" +
                                 "    value: \"x # not a comment\ny\"  # a \"comment\n  p:\n    value: 'q'\n");

            Assert.Equal("text with a \"quote\nand 'more\n", (string)template["description"]);
            Assert.Equal("x # not a comment y", (string)template["outputs"]["o"]["value"]);
            Assert.Equal("q", (string)template["outputs"]["p"]["value"]);
        }

        [Fact]
        public void A_scalar_in_a_flow_collection_left_of_its_block_is_read()
        {
            var template = Parse("outputs:\n  o: {value: [a,\n\"b\nc\", d]}\n");

            Assert.Equal("[\"a\",\"b c\",\"d\"]", template["outputs"]["o"]["value"].ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Positions_stay_right_around_the_scalar()
        {
            var template = Parse("outputs:\n  o:\n    value: \"one\ntwo\"\n  p:\n    value: 1\n");

            AssertAt(4, 12, template["outputs"]["o"]["value"]);
            AssertAt(7, 5, template["outputs"]["p"]); // the mapping starts at its first key
            AssertAt(7, 12, template["outputs"]["p"]["value"]);
        }

        [Fact]
        public void An_unterminated_quote_is_still_an_error_at_the_quote()
        {
            var error = Refused("outputs:\n  o:\n    value: \"x\ny\n");

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(4, error.Line);
            Assert.Equal(12, error.Column);
            Assert.Contains("end of stream", error.Message);
        }

        [Fact]
        public void A_document_marker_inside_the_scalar_is_still_an_error()
        {
            // The marker after a line YamlDotNet refuses: what is done to that line must not hide the marker.
            var error = Refused("outputs:\n  o:\n    value: \"x\ny\n--- z\"\n");

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(4, error.Line);
            Assert.Contains("document indicator", error.Message);
        }

        [Fact]
        public void A_5_MB_continued_line_is_read_within_bounds()
        {
            var yaml = "outputs:\n  o:\n    value: \"" + new string('x', 5 * 1024 * 1024) + "\ny\"\n";
            var watch = Stopwatch.StartNew();

            var error = Refused(yaml);

            Assert.Equal(TemplateProblem.TooLarge, error.Problem); // read, then measured against max_template_size
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "took " + watch.Elapsed);
        }

        [Fact]
        public void Many_such_scalars_in_5_MB_stop_at_a_bound()
        {
            var yaml = new StringBuilder("outputs:\n");
            for (var i = 0; yaml.Length < 5 * 1024 * 1024; i++)
            {
                yaml.Append("  o").Append(i).Append(": \"a\nb\"\n");
            }
            var watch = Stopwatch.StartNew();

            var error = Refused(yaml.ToString());

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Contains("wrong indentation", error.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "took " + watch.Elapsed);
        }

        [Fact]
        public void A_version_key_after_such_a_scalar_is_found_without_a_tree()
        {
            Assert.True(DocumentScan.NamesTemplateVersion("description: \"a\nb\"\n" + Version));
        }

        private static void AssertAt(int line, int column, JToken token)
        {
            var at = SourcePosition.Of(token);
            Assert.NotNull(at);
            Assert.Equal((line, column), (at!.Line, at.Column));
        }
    }
}
