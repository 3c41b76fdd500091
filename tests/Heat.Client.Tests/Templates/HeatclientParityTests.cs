using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// The bundle equals what python-heatclient 3.1.0 (openstack stack create) builds for the same tree: template,
    /// every files key and content byte for byte, merged environment and environment_files. The goldens were made
    /// with heatclient itself (see Fixtures/templates/heatclient-goldens/README.md).
    /// </summary>
    public class HeatclientParityTests
    {
        [Theory]
        [InlineData("ops-repo.json", "ops-repo/app/stack.yaml", new[] { "ops-repo/env/registry.yaml", "ops-repo/env/boot-config.yaml", "ops-repo/env/prod.yaml" })]
        [InlineData("unicode-paths.json", "edge/paths/top.yaml", new string[0])]
        [InlineData("nested-stack-envs.json", "edge/nested-stack/outer.yaml", new[] { "edge/envs/env1.yaml", "edge/envs/env2.yaml" })]
        [InlineData("scalars.json", "edge/scalars.yaml", new string[0])]
        public async Task Bundle_matches_what_heatclient_sends(string golden, string template, string[] environments)
        {
            var bundle = await Fixture.LoadAsync(template, environments);

            var expected = JObject.Parse(File.ReadAllText(Fixture.PathOf("heatclient-goldens/" + golden)));
            var actual = Fixture.Portable(bundle);

            Assert.Equal(expected["template"].ToString(), actual["template"].ToString());
            Assert.Equal(
                ((JObject)expected["files"]).Properties().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal),
                ((JObject)actual["files"]).Properties().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            foreach (var file in ((JObject)expected["files"]).Properties())
            {
                Assert.Equal((string)file.Value, (string)actual["files"][file.Name]);
            }
            Assert.Equal(expected["environment"].ToString(), actual["environment"].ToString());
            Assert.Equal(expected["environment_files"].ToString(), actual["environment_files"].ToString());
        }
    }
}
