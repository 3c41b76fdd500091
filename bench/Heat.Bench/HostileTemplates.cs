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
                new Scenario("yaml-alias-bytes-environment", "an environment: one 400 KB string aliased 10,000 times (offline check)", () => WithFolder(dir =>
                {
                    var template = Path.Combine(dir, "top.yaml");
                    File.WriteAllText(template, Text("resources: {}\n"));
                    var environment = Path.Combine(dir, "env.yaml");
                    File.WriteAllText(environment, AliasBomb("parameter_defaults:\n  big: ", "  many: "));
                    return Check(new TemplateRequest { TemplatePath = template, EnvironmentPaths = { environment } });
                })),
                new Scenario("yaml-alias-bytes-template", "a template: one 400 KB string aliased 10,000 times (offline check)", () => WithFolder(dir =>
                {
                    var template = Path.Combine(dir, "top.yaml");
                    File.WriteAllText(template, AliasBomb(Text("description: "), "parameter_groups: "));
                    return Check(new TemplateRequest { TemplatePath = template });
                })),
                new Scenario("yaml-alias-bytes-child", "a child template: one 400 KB string aliased 10,000 times, then a create", () => WithFolder(async dir =>
                {
                    File.WriteAllText(Path.Combine(dir, "child.yaml"), AliasBomb(Text("description: "), "parameter_groups: "));
                    var template = Path.Combine(dir, "top.yaml");
                    File.WriteAllText(template, Text("resources:\n  c: {type: child.yaml}\n"));
                    long sent = 0;
                    using (var heat = new FakeServer(r =>
                    {
                        sent = Math.Max(sent, r.Body?.Length ?? 0);
                        return FakeReply.Json("{\"stack\": {\"id\": \"1\", \"links\": []}}", 201);
                    }))
                    {
                        var outcome = await Outcome(async () =>
                        {
                            var bundle = await TemplateLoader.LoadAsync(new TemplateRequest { TemplatePath = template }, null, CancellationToken.None);
                            await Client(heat).Stacks.CreateAsync(new CreateStackRequest { StackName = "web", Template = bundle }, default);
                        });
                        return $"largest body sent: {sent} characters; {outcome}";
                    }
                })),
                new Scenario("yaml-alias-bytes-1000-children", "1,000 children of 20 KB, each aliased up to 500,000 characters", () => WithFolder(dir =>
                {
                    var child = AliasBomb(Text("description: "), "parameter_groups: ", 20 * 1000, 24);
                    var top = new StringBuilder(Text("resources:\n"));
                    for (var i = 0; i < 1000; i++)
                    {
                        File.WriteAllText(Path.Combine(dir, $"child{i}.yaml"), child);
                        top.Append($"  c{i}: {{type: child{i}.yaml}}\n");
                    }
                    return Load(top.ToString(), dir);
                })),
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

        /// <summary>A YAML document whose text is under 512 KiB and whose value is over 4 GB: one string, aliased.</summary>
        private static string AliasBomb(string anchorAt, string aliasesAt, int length = 400 * 1000, int aliases = 10000) =>
            anchorAt + "&big " + new string('x', length) + "\n" + aliasesAt + "[" + string.Join(", ", Enumerable.Repeat("*big", aliases)) + "]\n";

        private static Task<string> Check(TemplateRequest request)
        {
            try
            {
                var bundle = TemplateLoader.CheckLocal(request);
                return Task.FromResult($"no error; {bundle.Files.Count} files, {bundle.Files.Values.Sum(v => (long)v.Length)} characters");
            }
            catch (Exception e)
            {
                return Task.FromResult(Describe(e));
            }
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
