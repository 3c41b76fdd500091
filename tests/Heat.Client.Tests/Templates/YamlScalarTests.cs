using System.Linq;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>YAML reads as Heat reads it (PyYAML SafeLoader, YAML 1.1, timestamps as strings).</summary>
    public class YamlScalarTests
    {
        private static JToken ValueOf(string yaml)
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\noutputs:\n  o:\n    value: " + yaml + "\n",
            });
            return bundle.Template["outputs"]["o"]["value"];
        }

        [Fact]
        public void The_reference_list_reads_as_heatclient_sends_it()
        {
            Assert.Equal("[1,true,\"x\",2.5,null,\"2018-08-31\"]",
                ValueOf("[1, true, 'x', 2.5, null, 2018-08-31]").ToString(Newtonsoft.Json.Formatting.None));
        }

        [Theory]
        [InlineData("yes", "true")]
        [InlineData("No", "false")]
        [InlineData("on", "true")]
        [InlineData("OFF", "false")]
        [InlineData("y", "\"y\"")]
        [InlineData("~", "null")]
        [InlineData("Null", "null")]
        [InlineData("''", "\"\"")]
        [InlineData("'true'", "\"true\"")]
        [InlineData("\"42\"", "\"42\"")]
        [InlineData("!!str 42", "\"42\"")]
        [InlineData("! 42", "\"42\"")]
        [InlineData("!!int '42'", "42")]
        [InlineData("0755", "493")]
        [InlineData("0855", "\"0855\"")]
        [InlineData("0x1F", "31")]
        [InlineData("0b101", "5")]
        [InlineData("1:30", "90")]
        [InlineData("1_000", "1000")]
        [InlineData("-17", "-17")]
        [InlineData("1.", "1.0")]
        [InlineData(".5", "0.5")]
        [InlineData("6.02e+23", "6.02E+23")]
        [InlineData("1e3", "\"1e3\"")]
        [InlineData("1.2.3", "\"1.2.3\"")]
        [InlineData("2001-12-14t21:59:43.10-05:00", "\"2001-12-14t21:59:43.10-05:00\"")]
        [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
        public void Plain_scalars_resolve_like_PyYAML(string yaml, string json)
        {
            Assert.Equal(json, ValueOf(yaml).ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Empty_value_is_null()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\ndescription:\n" });

            Assert.Equal(JTokenType.Null, bundle.Template["description"].Type);
        }

        [Fact]
        public void Date_like_version_stays_a_string()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\n" });

            Assert.Equal(JTokenType.String, bundle.Template["heat_template_version"].Type);
            Assert.Equal("2018-08-31", (string)bundle.Template["heat_template_version"]);
        }

        [Fact]
        public void Block_scalars_keep_their_newlines()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\nliteral: |\n  #!/bin/sh\n  echo hi\n\n  exit 0\nfolded: >\n  one\n  line\n\n  two\nstrip: |-\n  x\n",
            });

            Assert.Equal("#!/bin/sh\necho hi\n\nexit 0\n", (string)bundle.Template["literal"]);
            Assert.Equal("one line\ntwo\n", (string)bundle.Template["folded"]);
            Assert.Equal("x", (string)bundle.Template["strip"]);
        }

        [Fact]
        public void Anchors_aliases_and_merge_keys_expand()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\nbase: &b {type: string, default: a}\ncopy: *b\n" +
                               "merged:\n  <<: *b\n  default: z\nlist:\n  <<: [{k: first}, {k: second, other: 1}]\n",
            });

            Assert.Equal(JObject.Parse("{'type': 'string', 'default': 'a'}"), bundle.Template["copy"]);
            Assert.Equal(JObject.Parse("{'type': 'string', 'default': 'z'}"), bundle.Template["merged"]);
            Assert.Equal("first", (string)bundle.Template["list"]["k"]);
            Assert.Equal(1, (int)bundle.Template["list"]["other"]);
        }

        [Fact]
        public void Non_string_keys_become_json_keys_as_Python_writes_them()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\nmap: {1: a, true: b, ~: c, 2.50: d}\n",
            });

            Assert.Equal(new[] { "1", "true", "null", "2.5" }, ((JObject)bundle.Template["map"]).Properties().Select(p => p.Name));
        }

        [Fact]
        public void Several_documents_are_refused()
        {
            var error = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\n---\nheat_template_version: 2018-08-31\n",
            }));

            Assert.Equal(TemplateProblem.Syntax, error.Problem);
            Assert.Equal(2, error.Line);
        }

        [Fact]
        public void An_alias_bomb_is_stopped()
        {
            var text = new System.Text.StringBuilder("heat_template_version: 2018-08-31\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (var i = 1; i < 9; i++)
            {
                text.Append('a').Append(i).Append(": &a").Append(i).Append(" [");
                for (var j = 0; j < 10; j++)
                {
                    text.Append(j == 0 ? "" : ", ").Append("*a").Append(i - 1);
                }
                text.Append("]\n");
            }

            var error = Assert.Throws<TemplateException>(() => TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = text.ToString() }));

            Assert.Equal(TemplateProblem.TooLarge, error.Problem);
        }
    }
}
