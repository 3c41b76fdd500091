using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Templates;
using Heat.Tests.Shared;

namespace Heat.Bench
{
    /// <summary>The template faults of issue 7: files and servers that would read the user's files, exhaust memory or hang.</summary>
    internal static partial class HostileScenarios
    {
        static HostileScenarios()
        {
            All.AddRange(new[]
            {
                new Scenario("template-600mb", "a 600 MB template file (sparse)", () => WithFolder(dir =>
                {
                    var path = Path.Combine(dir, "big.yaml");
                    using (var file = File.Create(path)) file.SetLength(600L * 1000 * 1000);
                    return Load(new TemplateRequest { TemplatePath = path });
                })),
                new Scenario("get-file-700mb", "get_file of a 700 MB file (sparse)", () => WithFolder(dir =>
                {
                    using (var file = File.Create(Path.Combine(dir, "blob.bin"))) file.SetLength(700L * 1000 * 1000);
                    return Load(Text("resources:\n  c: {type: OS::Heat::Value, properties: {value: {get_file: blob.bin}}}\n"), dir);
                })),
                new Scenario("get-file-dev-zero", "get_file: /dev/zero", () => WithFolder(dir =>
                    Load(Text("resources:\n  c: {type: OS::Heat::Value, properties: {value: {get_file: /dev/zero}}}\n"), dir))),
                new Scenario("get-file-fifo", "get_file of a FIFO", () => WithFolder(dir =>
                {
                    using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(dir, "pipe")) { UseShellExecute = false })) mkfifo.WaitForExit();
                    return Load(Text("resources:\n  c: {type: OS::Heat::Value, properties: {value: {get_file: pipe}}}\n"), dir);
                })),
                new Scenario("yaml-30000-deep", "30,000 nested [ in a local template", () =>
                    Load(new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\ndescription: " + new string('[', 30000) + new string(']', 30000) + "\n" })),
                new Scenario("yaml-alias-chain", "anchors whose aliases expand 1,000 deep", () =>
                {
                    var text = new StringBuilder("heat_template_version: 2018-08-31\nparameter_groups:\n- &a0 [x]\n");
                    for (int i = 1; i < 1000; i++) text.Append($"- &a{i} [*a{i - 1}]\n");
                    return Load(new TemplateRequest { TemplateText = text.ToString() });
                }),
                new Scenario("remote-reads-local", "an http template with get_file: file:///proc/self/environ", () => Remote(
                    _ => FakeReply.Text("heat_template_version: 2018-08-31\nresources:\n  c: {type: OS::Heat::Value, properties: {value: {get_file: 'file:///proc/self/environ'}}}\n"))),
                new Scenario("remote-endless-children", "an http server with chainN.yaml → chainN+1.yaml for ever", () => Remote(r =>
                {
                    var digits = new string(r.Path.Where(char.IsDigit).ToArray());
                    var n = digits.Length == 0 ? 0 : int.Parse(digits);
                    return FakeReply.Text($"heat_template_version: 2018-08-31\nresources:\n  next: {{type: chain{n + 1}.yaml}}\n");
                })),
            });
        }

        private static string Text(string resources) => "heat_template_version: 2018-08-31\n" + resources;

        private static Task<string> Load(string templateText, string baseDirectory) =>
            Load(new TemplateRequest { TemplateText = templateText, BaseDirectory = baseDirectory });

        private static async Task<string> Load(TemplateRequest request, Func<Uri, CancellationToken, Task<string>> fetch = null)
        {
            try
            {
                var bundle = await TemplateLoader.LoadAsync(request, fetch, CancellationToken.None);
                return $"no error; {bundle.Files.Count} files, {bundle.Files.Values.Sum(v => (long)v.Length)} characters";
            }
            catch (Exception e)
            {
                return Describe(e);
            }
        }

        private static async Task<string> Remote(Func<FakeRequest, FakeReply> serve)
        {
            using (var server = new FakeServer(serve))
            using (var heat = new FakeServer(_ => FakeReply.Json("{}")))
            {
                var client = Client(heat);
                var outcome = await Load(new TemplateRequest { TemplateUrl = server.Url("chain0.yaml") }, client.Templates.FetchTextAsync);
                return $"{server.Requests.Count} fetches; {outcome}";
            }
        }

        private static async Task<string> WithFolder(Func<string, Task<string>> run)
        {
            var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "heat-bench-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                return await run(dir);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
