using System.Threading.Tasks;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    public class EnvironmentTests
    {
        private static Task<TemplateBundle> LoadWithBothAsync() =>
            Fixture.LoadAsync("edge/nested-stack/outer.yaml", "edge/envs/env1.yaml", "edge/envs/env2.yaml");

        [Fact]
        public async Task Later_environment_wins_on_scalars_and_lists()
        {
            var environment = (await LoadWithBothAsync()).Environment;

            Assert.Equal("m1.large", (string)environment["parameters"]["flavor"]);
            Assert.Equal("cirros", (string)environment["parameters"]["image"]);
            Assert.Equal(3, (int)environment["parameter_defaults"]["replicas"]);
            Assert.Equal(new JArray("override"), environment["parameter_defaults"]["tags"]);
        }

        [Fact]
        public async Task Maps_merge_deeply_and_an_empty_key_does_not_erase_a_map()
        {
            var settings = (await LoadWithBothAsync()).Environment["parameter_defaults"]["settings"];

            Assert.Equal(JObject.Parse("{'level': 'debug', 'format': 'json'}"), settings["log"]);
            // env2 has "cache:" with nothing after it; heatclient keeps env1's map.
            Assert.Equal(JObject.Parse("{'size_mb': 64}"), settings["cache"]);
        }

        [Fact]
        public async Task Sections_from_either_file_survive_and_registry_files_resolve()
        {
            var bundle = await LoadWithBothAsync();
            var environment = bundle.Environment;

            Assert.Equal("base-events", (string)environment["event_sinks"][0]["target"]);
            Assert.Equal(new JArray("db_password"), environment["encrypted_param_names"]);
            Assert.Equal("OS::Heat::None", (string)environment["resource_registry"]["My::Other"]);
            Assert.Equal(Fixture.UrlOf("edge/nested-stack/inner.yaml"), (string)environment["resource_registry"]["My::Thing"]);
        }

        [Fact]
        public async Task Reversed_order_reverses_the_winner()
        {
            var environment = (await Fixture.LoadAsync("edge/nested-stack/outer.yaml", "edge/envs/env2.yaml", "edge/envs/env1.yaml")).Environment;

            Assert.Equal("m1.small", (string)environment["parameters"]["flavor"]);
            Assert.Equal(1, (int)environment["parameter_defaults"]["replicas"]);
            Assert.Equal("OS::Heat::None", (string)environment["resource_registry"]["My::Thing"]);
            Assert.Equal("info", (string)environment["parameter_defaults"]["settings"]["log"]["level"]);
        }

        [Fact]
        public async Task Unknown_section_is_an_error_naming_the_environment_file()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                Fixture.LoadAsync("edge/nested-stack/outer.yaml", "edge/errors/env-wrong-section.yaml"));

            Assert.Equal(TemplateProblem.InvalidStructure, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/env-wrong-section.yaml"), error.FilePath);
            Assert.Contains("wrong section \"paramters\"", error.Message);
            Assert.Equal(4, error.Line);
        }

        [Fact]
        public async Task Empty_section_is_an_error_because_Heat_refuses_it()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                Fixture.LoadAsync("edge/nested-stack/outer.yaml", "edge/errors/env-empty-section.yaml"));

            Assert.Equal(TemplateProblem.InvalidStructure, error.Problem);
            Assert.Contains("empty section \"parameter_defaults\"", error.Message);
        }

        [Fact]
        public async Task Missing_registry_file_names_the_environment_and_the_missing_path()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                Fixture.LoadAsync("edge/nested-stack/outer.yaml", "edge/errors/env-missing-registry-file.yaml"));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/errors/env-missing-registry-file.yaml"), error.FilePath);
            Assert.Equal(Fixture.PathOf("edge/templates/thing.yaml"), error.ReferencedPath);
            Assert.Equal(2, error.Line);
            Assert.Contains("My::Thing: ../templates/thing.yaml", error.Message);
        }

        [Fact]
        public async Task Missing_environment_file_is_reported()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                Fixture.LoadAsync("edge/nested-stack/outer.yaml", "edge/envs/nope.yaml"));

            Assert.Equal(TemplateProblem.FileNotFound, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/envs/nope.yaml"), error.FilePath);
        }

        [Fact]
        public void Base_url_and_per_resource_registry_entries_are_resolved()
        {
            var folder = Fixture.TempDirectory();
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(folder, "shared"));
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "shared", "net.yaml"), "heat_template_version: 2018-08-31\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "env.yaml"),
                "resource_registry:\n  base_url: shared\n  My::Net: net.yaml\n  resources:\n    special:\n      My::Net: ./net.yaml\n      hooks: pre-create\n");
            var request = new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\n", BaseDirectory = folder };
            request.EnvironmentPaths.Add("env.yaml");

            var bundle = TemplateLoader.CheckLocal(request);

            var url = HeatUrl.PathToFileUrl(System.IO.Path.Combine(folder, "shared", "net.yaml"));
            Assert.Equal(url, (string)bundle.Environment["resource_registry"]["My::Net"]);
            Assert.Equal(url, (string)bundle.Environment["resource_registry"]["resources"]["special"]["My::Net"]);
            Assert.Equal("pre-create", (string)bundle.Environment["resource_registry"]["resources"]["special"]["hooks"]);
            Assert.Contains(url, bundle.Files.Keys);
        }
    }
}
