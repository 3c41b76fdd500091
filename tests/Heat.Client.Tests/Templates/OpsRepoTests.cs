using System.Linq;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>The operator's repository tree (Fixtures/templates/ops-repo), as Heat would receive it.</summary>
    public class OpsRepoTests
    {
        private static Task<TemplateBundle> LoadOpsRepoAsync() => Fixture.LoadAsync("ops-repo/app/stack.yaml",
            "ops-repo/env/registry.yaml", "ops-repo/env/boot-config.yaml", "ops-repo/env/prod.yaml");

        [Fact]
        public async Task Every_referenced_file_is_in_files_once_under_its_absolute_url()
        {
            var bundle = await LoadOpsRepoAsync();

            var expected = new[]
            {
                "ops-repo/env/boot-config.yaml", "ops-repo/env/prod.yaml", "ops-repo/env/registry.yaml",
                "ops-repo/fragments/boot-config.yaml", "ops-repo/fragments/cloud-init/proxy.sh",
                "ops-repo/fragments/cloud-init/users.yaml", "ops-repo/fragments/scripts/hardening.sh",
                "ops-repo/lib/label.yaml", "ops-repo/lib/monitoring.yaml", "ops-repo/lib/server.yaml",
                "ops-repo/lib/volume.yaml", "ops-repo/scripts/boot.sh", "ops-repo/scripts/monitoring-agent.sh",
                "ops-repo/scripts/motd.txt",
            }.Select(Fixture.UrlOf).OrderBy(u => u, System.StringComparer.Ordinal);
            Assert.Equal(expected, bundle.Files.Keys.OrderBy(u => u, System.StringComparer.Ordinal));
            Assert.Equal(Fixture.UrlOf("ops-repo/app/stack.yaml"), bundle.SourceUrl);
            Assert.Null(bundle.TemplateUrl);
        }

        [Fact]
        public async Task References_in_the_template_are_replaced_by_the_absolute_urls()
        {
            var bundle = await LoadOpsRepoAsync();

            Assert.Equal(Fixture.UrlOf("ops-repo/lib/volume.yaml"), (string)bundle.Template["resources"]["scratch"]["type"]);
            Assert.Equal(Fixture.UrlOf("ops-repo/scripts/motd.txt"),
                (string)bundle.Template["resources"]["motd"]["properties"]["value"]["str_replace"]["template"]["get_file"]);
            // Registry names and an OS::Heat::Value's own "type: string" are not files.
            Assert.Equal("My::App::Server", (string)bundle.Template["resources"]["servers"]["properties"]["resource_def"]["type"]);
            Assert.Equal("string", (string)bundle.Template["resources"]["motd"]["properties"]["type"]);
        }

        [Fact]
        public async Task A_child_template_is_sent_as_its_processed_json_relative_to_its_own_folder()
        {
            var bundle = await LoadOpsRepoAsync();

            var server = JObject.Parse(bundle.Files[Fixture.UrlOf("ops-repo/lib/server.yaml")]);
            var resources = server["resources"];
            Assert.Equal(Fixture.UrlOf("ops-repo/scripts/boot.sh"), (string)resources["boot_script"]["properties"]["config"]["get_file"]);
            // "../lib/volume.yaml" and "volume.yaml" from lib/ are the same file as "../lib/volume.yaml" from app/.
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/volume.yaml"), (string)resources["data_volume"]["type"]);
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/volume.yaml"), (string)resources["log_volume"]["type"]);
            // Third level: volume.yaml names label.yaml relative to lib/.
            var volume = JObject.Parse(bundle.Files[Fixture.UrlOf("ops-repo/lib/volume.yaml")]);
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/label.yaml"), (string)volume["resources"]["tag"]["type"]);
            // As heatclient writes JSON: ", " and ": " separators.
            Assert.StartsWith("{\"heat_template_version\": \"2018-08-31\", \"description\": ", bundle.Files[Fixture.UrlOf("ops-repo/lib/server.yaml")]);
        }

        [Fact]
        public async Task A_get_file_target_is_sent_as_its_raw_text_even_when_it_is_yaml()
        {
            var bundle = await LoadOpsRepoAsync();

            Assert.Equal(System.IO.File.ReadAllText(Fixture.PathOf("ops-repo/scripts/boot.sh")), bundle.Files[Fixture.UrlOf("ops-repo/scripts/boot.sh")]);
            // users.yaml is YAML but not a template (no version key): it stays text, comments and all.
            Assert.StartsWith("#cloud-config\n# Not a Heat template", bundle.Files[Fixture.UrlOf("ops-repo/fragments/cloud-init/users.yaml")]);
        }

        [Fact]
        public async Task Registry_entries_resolve_relative_to_their_environment_file()
        {
            var bundle = await LoadOpsRepoAsync();

            var registry = bundle.Environment["resource_registry"];
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/server.yaml"), (string)registry["My::App::Server"]);
            Assert.Equal(Fixture.UrlOf("ops-repo/fragments/boot-config.yaml"), (string)registry["My::Boot::Config"]);
            // prod.yaml comes last and switches monitoring on.
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/monitoring.yaml"), (string)registry["My::Optional::Monitoring"]);
            var bootConfig = JObject.Parse(bundle.Files[Fixture.UrlOf("ops-repo/fragments/boot-config.yaml")]);
            Assert.Equal(Fixture.UrlOf("ops-repo/fragments/scripts/hardening.sh"),
                (string)bootConfig["resources"]["hardening"]["properties"]["config"]["str_replace"]["template"]["get_file"]);
        }

        [Fact]
        public async Task Environments_merge_in_order_and_are_listed_as_environment_files()
        {
            var bundle = await LoadOpsRepoAsync();

            var defaults = bundle.Environment["parameter_defaults"];
            Assert.Equal(3, (int)defaults["server_count"]);
            Assert.Equal("app", (string)defaults["name_prefix"]);
            Assert.Equal(new JArray("ops", "oncall"), defaults["admin_users"]);
            Assert.Equal(JObject.Parse("{'log_level': 'warning', 'features': {'metrics': true, 'tracing': true}}"), defaults["app_settings"]);
            Assert.Equal(new[] { "registry.yaml", "boot-config.yaml", "prod.yaml" }.Select(f => Fixture.UrlOf("ops-repo/env/" + f)), bundle.EnvironmentFiles);
            // Each environment file is in files as its own processed JSON (Heat merges them again on its side).
            var prod = JObject.Parse(bundle.Files[Fixture.UrlOf("ops-repo/env/prod.yaml")]);
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/monitoring.yaml"), (string)prod["resource_registry"]["My::Optional::Monitoring"]);
        }

        [Fact]
        public void CheckLocal_resolves_the_same_tree_without_a_fetcher()
        {
            var request = new TemplateRequest { TemplatePath = Fixture.PathOf("ops-repo/app/stack.yaml") };
            request.EnvironmentPaths.Add(Fixture.PathOf("ops-repo/env/registry.yaml"));
            request.EnvironmentPaths.Add(Fixture.PathOf("ops-repo/env/boot-config.yaml"));

            var bundle = TemplateLoader.CheckLocal(request);

            Assert.Contains(Fixture.UrlOf("ops-repo/lib/label.yaml"), bundle.Files.Keys);
            Assert.Empty(bundle.UncheckedUrls);
        }

        [Fact]
        public void Only_yaml_and_template_types_are_files_as_in_heatclient_and_Heat()
        {
            // Heat treats only *.yaml and *.template types as template resources; heatclient bundles only those.
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\nresources:\n  a:\n    type: lib/volume.yml\n  b:\n    type: lib/label.yaml\n",
                BaseDirectory = Fixture.PathOf("ops-repo"),
            });

            Assert.Equal("lib/volume.yml", (string)bundle.Template["resources"]["a"]["type"]);
            Assert.Equal(Fixture.UrlOf("ops-repo/lib/label.yaml"), (string)bundle.Template["resources"]["b"]["type"]);
        }

        [Fact]
        public async Task Template_text_resolves_relative_references_against_the_base_directory()
        {
            var request = new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\nresources:\n  v:\n    type: lib/volume.yaml\n",
                BaseDirectory = Fixture.PathOf("ops-repo"),
            };

            var bundle = await TemplateLoader.LoadAsync(request, Fixture.NoNetwork, default);

            Assert.Equal(Fixture.UrlOf("ops-repo/lib/volume.yaml"), (string)bundle.Template["resources"]["v"]["type"]);
            Assert.Contains(Fixture.UrlOf("ops-repo/lib/label.yaml"), bundle.Files.Keys);
            Assert.Null(bundle.SourceUrl);
            Assert.Null(bundle.Environment);
        }
    }
}
