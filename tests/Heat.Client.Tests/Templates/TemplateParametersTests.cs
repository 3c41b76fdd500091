using System.Collections;
using System.Collections.Generic;
using System.IO;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>The parameters field as Heat gets it from a PowerShell hashtable.</summary>
    public class TemplateParametersTests
    {
        [Fact]
        public void Scalars_become_the_strings_a_cli_user_would_type()
        {
            var result = TemplateParameters.Format(new Hashtable
            {
                ["name"] = "web",
                ["count"] = 3,
                ["big"] = 9000000000L,
                ["ratio"] = 2.5,
                ["enabled"] = true,
                ["off"] = false,
            });

            // Hashtables have no order: compare as JSON objects.
            Assert.True(JToken.DeepEquals(JObject.Parse("{'name': 'web', 'count': '3', 'big': '9000000000', 'ratio': '2.5', 'enabled': 'true', 'off': 'false'}"), result), result.ToString());
        }

        [Fact]
        public void Lists_become_json_arrays_for_comma_delimited_list_and_json_parameters()
        {
            var result = TemplateParameters.Format(new Hashtable
            {
                ["zones"] = new object[] { "az1", "az2" },
                ["ports"] = new List<int> { 80, 443 },
            });

            Assert.Equal(new JArray("az1", "az2"), result["zones"]);
            Assert.Equal(new JArray(80, 443), result["ports"]);
        }

        [Fact]
        public void Maps_become_json_objects_with_json_values_inside()
        {
            var result = TemplateParameters.Format(new Hashtable
            {
                ["settings"] = new Hashtable { ["debug"] = true, ["workers"] = 4, ["tags"] = new[] { "a", "b" }, ["nested"] = new Hashtable { ["x"] = null } },
            });

            Assert.True(JToken.DeepEquals(JObject.Parse("{'debug': true, 'workers': 4, 'tags': ['a', 'b'], 'nested': {'x': null}}"), result["settings"]), result.ToString());
        }

        [Fact]
        public void Null_stays_null_so_Heat_uses_the_default()
        {
            var result = TemplateParameters.Format(new Hashtable { ["flavor"] = null });

            Assert.Equal(JTokenType.Null, result["flavor"].Type);
        }

        [Fact]
        public void Numbers_do_not_depend_on_the_current_culture()
        {
            var saved = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.Equal("2.5", (string)TemplateParameters.ConvertValue(2.5));
                Assert.Equal("0.1", (string)TemplateParameters.ConvertValue(0.1m));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = saved;
            }
        }

        [Fact]
        public void Parameter_files_give_their_content_and_win_over_plain_values()
        {
            var folder = Fixture.TempDirectory();
            File.WriteAllText(Path.Combine(folder, "key.pub"), "ssh-ed25519 AAAA ops@example\n");

            var result = TemplateParameters.Format(new Hashtable { ["ssh_key"] = "ignored", ["name"] = "web" },
                new Hashtable { ["ssh_key"] = "key.pub" }, folder);

            Assert.Equal("ssh-ed25519 AAAA ops@example\n", (string)result["ssh_key"]);
            Assert.Equal("web", (string)result["name"]);
        }

        [Fact]
        public void Parameter_file_from_the_fixture_repo_is_read_as_text()
        {
            var files = TemplateParameters.ReadParameterFiles(new Hashtable { ["boot_script"] = Fixture.PathOf("ops-repo/scripts/boot.sh") }, null);

            Assert.Equal(File.ReadAllText(Fixture.PathOf("ops-repo/scripts/boot.sh")), files["boot_script"]);
        }

        [Fact]
        public void Missing_parameter_file_is_reported_with_its_path()
        {
            var folder = Fixture.TempDirectory();

            var error = Assert.Throws<TemplateException>(() =>
                TemplateParameters.ReadParameterFiles(new Hashtable { ["cert"] = "missing.pem" }, folder));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.Equal(Path.Combine(folder, "missing.pem"), error.FilePath);
            Assert.Contains("'cert'", error.Message);
        }

        [Fact]
        public void Parameter_file_that_is_a_device_is_refused_not_read_for_ever()
        {
            if (System.IO.Path.DirectorySeparatorChar == '\\') return;
            var error = Assert.Throws<TemplateException>(() => TemplateParameters.ReadParameterFiles(new Hashtable { ["key"] = "/dev/zero" }, null));

            Assert.Equal(TemplateProblem.NotRegularFile, error.Problem);
            Assert.Contains("character device", error.Message);
        }

        [Fact]
        public void Parameter_file_that_is_a_fifo_is_refused_before_it_is_opened()
        {
            if (System.IO.Path.DirectorySeparatorChar == '\\') return;
            var folder = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "heat-params-" + System.Guid.NewGuid().ToString("N")));
            try
            {
                var fifo = System.IO.Path.Combine(folder.FullName, "key.pipe");
                using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", "\"" + fifo + "\"") { UseShellExecute = false }))
                {
                    mkfifo.WaitForExit();
                }
                // Opening a FIFO blocks until a writer comes: run it where a hang cannot stop the test run.
                var read = System.Threading.Tasks.Task.Run(() => TemplateParameters.ReadParameterFiles(new Hashtable { ["key"] = fifo }, null));

                Assert.True(((System.IAsyncResult)read).AsyncWaitHandle.WaitOne(System.TimeSpan.FromSeconds(10)), "reading the FIFO blocked");
                var error = Assert.IsType<TemplateException>(read.Exception?.InnerException);
                Assert.Equal(TemplateProblem.NotRegularFile, error.Problem);
            }
            finally
            {
                folder.Delete(true);
            }
        }

        [Fact]
        public void ASecureString_IsSentAsItsText_AndOnlyThere()
        {
            var secret = new System.Security.SecureString();
            foreach (var c in "s3cr3t-v4ult") secret.AppendChar(c);

            var formatted = TemplateParameters.Format(new Hashtable { ["db_password"] = secret, ["size"] = 2 });

            Assert.Equal("s3cr3t-v4ult", (string)formatted["db_password"]);
            Assert.Equal("2", (string)formatted["size"]);
        }
    }
}
