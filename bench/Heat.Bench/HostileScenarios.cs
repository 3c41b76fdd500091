using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Keystone;
using Heat.Client.Models;
using Heat.Tests.Shared;

namespace Heat.Bench
{
    internal sealed class Scenario
    {
        public Scenario(string name, string title, Func<Task<string>> run)
        {
            Name = name;
            Title = title;
            Run = run;
        }

        public string Name { get; }

        public string Title { get; }

        public Func<Task<string>> Run { get; }
    }

    /// <summary>The faults of issue 7 on the wire, against fake servers on 127.0.0.1 and 127.0.0.2, with default settings.</summary>
    internal static partial class HostileScenarios
    {
        private const string Token = "bench-token-SECRET";

        public static readonly List<Scenario> All = new List<Scenario>
        {
            new Scenario("heat-redirect-other-host", "Heat 302 to another host", HeatRedirectOtherHost),
            new Scenario("keystone-307-other-host", "Keystone 307 to another host (password body)", KeystoneRedirectOtherHost),
            new Scenario("https-to-http", "https → http redirect", HttpsToHttp),
            new Scenario("html-200", "200 with a proxy's HTML login page (list)", HtmlLoginPage),
            new Scenario("truncated-json", "200 with truncated JSON", TruncatedJson),
            new Scenario("deep-json", "200 with JSON nested 100,000 deep", DeepJson),
            new Scenario("declared-1gb", "Content-Length: 1 GiB", DeclaredHuge),
            new Scenario("list-216mb", "a 216 MB list response", HugeList),
            new Scenario("gzip-bomb", "1 MiB gzip body that expands to 1 GiB", GzipBomb),
            new Scenario("endless-body", "an endless body without length", EndlessBody),
            new Scenario("trickle", "a body that trickles a byte every 100 ms (timeout 5 s)", Trickle),
            new Scenario("paging-new-marker", "a next link with a new marker every time", PagingNewMarker),
            new Scenario("page-32mib-of-empty-objects", "one 32 MiB page of {} items (limit=100 asked)", PageOfEmptyObjects),
            new Scenario("list-32mib-of-empty-objects", "a 32 MiB resource list of {} items (a route without paging)", ListOfEmptyObjects),
            new Scenario("paging-fresh-ids-streamed", "fresh pages of new stacks for ever, streamed (Get-HeatStack)", () => FreshPages(gather: false)),
            new Scenario("paging-fresh-ids-gathered", "fresh pages of new stacks for ever, gathered whole (a wildcard resolution)", () => FreshPages(gather: true)),
            new Scenario("refused", "connection refused on a read (default retries)", Refused),
            new Scenario("503-twice", "503, 503, then 200 on a read", TwoUnavailable),
            new Scenario("post-503", "503 on a create", CreateUnavailable),
            new Scenario("disconnect-in-flight", "Disconnect while a request waits", DisconnectInFlight),
            new Scenario("escape-sequences", "error text with terminal escapes, 100 KB long", EscapeSequences),
        };

        private static HeatClient Client(FakeServer heat, Action<AuthOptions> configure = null)
        {
            var options = new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = Secure(Token),
                HeatEndpoint = heat.Url("v1/p1"),
            };
            configure?.Invoke(options);
            return new HeatClient(HeatSession.ConnectAsync(options).GetAwaiter().GetResult());
        }

        private static System.Security.SecureString Secure(string text)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in text) secure.AppendChar(c);
            return secure;
        }

        private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

        private static async Task<string> Outcome(Func<Task> action)
        {
            try
            {
                await action();
                return "no error";
            }
            catch (Exception e)
            {
                return Describe(e);
            }
        }

        private static string StackJson(string name, string id) =>
            "{\"id\": \"" + id + "\", \"stack_name\": \"" + name + "\", \"stack_status\": \"CREATE_COMPLETE\", \"creation_time\": \"2026-11-25T10:00:00Z\", \"links\": []}";

        private static Task<string> HeatRedirectOtherHost() => Redirected(tls: false, targetAddress: "127.0.0.2");

        private static Task<string> HttpsToHttp() => Redirected(tls: true, targetAddress: "127.0.0.1");

        private static async Task<string> Redirected(bool tls, string targetAddress)
        {
            using (var other = new FakeServer(_ => FakeReply.Json("{\"stack\": " + StackJson("web", "1") + "}"), targetAddress))
            using (var heat = new FakeServer(_ => FakeReply.Redirect(other.Url("v1/p1/stacks/web/1")), tls: tls))
            {
                var client = Client(heat, o => o.SkipCertificateCheck = tls);
                var outcome = await Outcome(() => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default));
                var leaked = other.Requests.Count(r => r.Headers.ContainsKey("X-Auth-Token"));
                return $"token-bearing requests at the target: {leaked}; {outcome}";
            }
        }

        private static async Task<string> KeystoneRedirectOtherHost()
        {
            using (var other = new FakeServer(_ => FakeReply.Json("{}", 201), "127.0.0.2"))
            using (var keystone = new FakeServer(_ => FakeReply.Redirect(other.Url("v3/auth/tokens"), 307)))
            {
                var outcome = await Outcome(() => HeatSession.ConnectAsync(new AuthOptions
                {
                    AuthUrl = keystone.Url("v3"),
                    UserName = "demo",
                    Password = Secure("bench-password-SECRET"),
                    ProjectName = "demo",
                }));
                return $"requests at the target: {other.Requests.Count}; {outcome}";
            }
        }

        private static async Task<string> HtmlLoginPage()
        {
            using (var heat = new FakeServer(_ => FakeReply.Text("<html><body><form>Sign in</form></body></html>", "text/html")))
            {
                var client = Client(heat);
                return await Outcome(() => Task.Run(() => client.Stacks.List(new StackListOptions(), default).ToList()));
            }
        }

        private static async Task<string> TruncatedJson()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stack\": {\"id\": \"1\", \"stack_na")))
            {
                return await Outcome(() => Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));
            }
        }

        private static async Task<string> DeepJson()
        {
            var deep = "{\"stack\": " + new string('[', 100000) + new string(']', 100000) + "}";
            using (var heat = new FakeServer(_ => FakeReply.Json(deep)))
            {
                return await Outcome(() => Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));
            }
        }

        private static async Task<string> DeclaredHuge()
        {
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var chunk = new byte[65536];
                    while (!token.IsCancellationRequested) await stream.WriteAsync(chunk, 0, chunk.Length, token);
                },
            }.Header("Content-Type", "application/json").Header("Content-Length", (1L << 30).ToString())))
            {
                return await Outcome(() => Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));
            }
        }

        private static async Task<string> HugeList()
        {
            // 216 MB of stacks, streamed without a length, the way a runaway list would come.
            var one = Encoding.UTF8.GetBytes(StackJson("s", Guid.NewGuid().ToString()) + ",");
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var head = Encoding.UTF8.GetBytes("{\"stacks\": [");
                    await stream.WriteAsync(head, 0, head.Length, token);
                    var block = Enumerable.Repeat(one, 512).SelectMany(b => b).ToArray();
                    for (long sent = 0; sent < 216L * 1000 * 1000; sent += block.Length) await stream.WriteAsync(block, 0, block.Length, token);
                },
            }.Header("Content-Type", "application/json")))
            {
                var client = Client(heat);
                return await Outcome(() => Task.Run(() => client.Stacks.List(new StackListOptions(), default).ToList()));
            }
        }

        private static async Task<string> GzipBomb()
        {
            byte[] bomb;
            using (var packed = new MemoryStream())
            {
                using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    var chunk = new byte[1 << 20];
                    for (int i = 0; i < 1024; i++) gzip.Write(chunk, 0, chunk.Length);
                }
                bomb = packed.ToArray();
            }
            using (var heat = new FakeServer(_ => new FakeReply { Body = bomb }.Header("Content-Type", "application/json").Header("Content-Encoding", "gzip")))
            {
                var outcome = await Outcome(() => Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));
                return $"(the bomb: {bomb.Length / 1024} KiB of gzip) {outcome}";
            }
        }

        private static async Task<string> EndlessBody()
        {
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var chunk = Encoding.ASCII.GetBytes(new string(' ', 65536));
                    while (!token.IsCancellationRequested) await stream.WriteAsync(chunk, 0, chunk.Length, token);
                },
            }.Header("Content-Type", "application/json")))
            {
                return await Outcome(() => Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));
            }
        }

        private static async Task<string> Trickle()
        {
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    while (!token.IsCancellationRequested)
                    {
                        await stream.WriteAsync(new[] { (byte)' ' }, 0, 1, token);
                        await stream.FlushAsync(token);
                        await Task.Delay(100, token);
                    }
                },
            }.Header("Content-Type", "application/json")))
            {
                var client = Client(heat, o => { o.Timeout = TimeSpan.FromSeconds(5); o.MaxRetries = 0; });
                return await Outcome(() => client.Stacks.GetAsync(new StackRef("web", "1"), default));
            }
        }

        private static async Task<string> PagingNewMarker()
        {
            int pages = 0;
            var page = "{\"stacks\": [" + string.Join(",", Enumerable.Range(0, 100).Select(i => StackJson("s" + i, "id-" + i))) + "], \"links\": [{\"rel\": \"next\", \"href\": \"http://x/v1/p1/stacks?marker=MARK\"}]}";
            using (var heat = new FakeServer(_ => FakeReply.Json(page.Replace("MARK", "m" + Interlocked.Increment(ref pages)))))
            {
                var client = Client(heat);
                var count = 0;
                var outcome = await Outcome(() => Task.Run(() => count = client.Stacks.List(new StackListOptions(), default).Count()));
                return $"{count} stacks written, {pages} pages read; {outcome}";
            }
        }

        private static async Task<string> PageOfEmptyObjects()
        {
            var body = new StringBuilder("{\"stacks\": [");
            body.Insert(body.Length, "{},", (32 << 20) / 3 - 10);
            body.Append("{}]}");
            var bytes = Encoding.ASCII.GetBytes(body.ToString());
            body = null;
            using (var heat = new FakeServer(_ => new FakeReply { Body = bytes }.Header("Content-Type", "application/json")))
            {
                var client = Client(heat);
                var count = 0;
                var outcome = await Outcome(() => Task.Run(() => count = client.Stacks.List(new StackListOptions(), default).Count()));
                return $"{count} stacks written; {outcome}";
            }
        }

        private static async Task<string> ListOfEmptyObjects()
        {
            var body = new StringBuilder("{\"resources\": [");
            body.Insert(body.Length, "{},", (32 << 20) / 3 - 10);
            body.Append("{}]}");
            var bytes = Encoding.ASCII.GetBytes(body.ToString());
            body = null;
            using (var heat = new FakeServer(_ => new FakeReply { Body = bytes }.Header("Content-Type", "application/json")))
            {
                var client = Client(heat);
                var count = 0;
                var outcome = await Outcome(async () => count = (await client.Resources.ListAsync(new StackRef("web", "1"), new ResourceListOptions(), default)).Count);
                return $"{count} resources; {outcome}";
            }
        }

        /// <summary>
        /// Pages of 100 new stacks (ids never seen, a fresh marker) without end, as a wildcard resolution or a plain listing
        /// would meet them; stopped by the bench after 120 s if the module does not stop it.
        /// </summary>
        private static async Task<string> FreshPages(bool gather)
        {
            int pages = 0;
            using (var heat = new FakeServer(_ =>
            {
                var n = Interlocked.Increment(ref pages);
                var stacks = string.Join(",", Enumerable.Range(0, 100).Select(i => StackJson("s" + i, $"{n:x8}-0000-4000-8000-{i:x12}")));
                return FakeReply.Json("{\"stacks\": [" + stacks + "], \"links\": [{\"rel\": \"next\", \"href\": \"http://x/v1/p1/stacks?marker=m" + n + "\"}]}");
            }))
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            {
                var client = Client(heat);
                long count = 0;
                var outcome = await Outcome(() => Task.Run(() =>
                {
                    if (gather)
                    {
                        var all = new List<HeatStack>();
                        foreach (var stack in client.Stacks.List(new StackListOptions(), stop.Token))
                        {
                            all.Add(stack);
                            count = all.Count;
                        }
                    }
                    else
                    {
                        foreach (var stack in client.Stacks.List(new StackListOptions(), stop.Token)) count++;
                    }
                }));
                return $"{count} stacks {(gather ? "gathered" : "written")}, {pages} pages read; {outcome}";
            }
        }

        private static async Task<string> Refused()
        {
            var probe = new FakeServer(_ => null);
            var port = FakeServer.ClosedPort();
            probe.Dispose();
            var client = new HeatClient(await HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = Secure(Token),
                HeatEndpoint = $"http://127.0.0.1:{port}/v1/p1",
            }));
            return await Outcome(() => client.Stacks.GetAsync(new StackRef("web", "1"), default));
        }

        private static async Task<string> TwoUnavailable()
        {
            int calls = 0;
            using (var heat = new FakeServer(_ => Interlocked.Increment(ref calls) <= 2
                ? FakeReply.Text("busy", status: 503)
                : FakeReply.Json("{\"stack\": " + StackJson("web", "1") + "}")))
            {
                var outcome = await Outcome(() => Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));
                return $"{calls} requests; {outcome}";
            }
        }

        private static async Task<string> CreateUnavailable()
        {
            using (var heat = new FakeServer(r => r.Method == "POST"
                ? FakeReply.Text("gateway lost the backend", status: 503)
                : FakeReply.Json("{\"stack\": " + StackJson("web", "made-anyway").Replace("CREATE_COMPLETE", "CREATE_IN_PROGRESS") + "}")))
            {
                var outcome = await Outcome(() => Client(heat).Stacks.CreateAsync(new CreateStackRequest
                {
                    StackName = "web",
                    Template = new Heat.Client.Templates.TemplateBundle { Template = Newtonsoft.Json.Linq.JObject.Parse("{\"heat_template_version\": \"2018-08-31\"}") },
                }, default));
                return $"POSTs sent: {heat.Requests.Count(r => r.Method == "POST")}; {outcome}";
            }
        }

        private static async Task<string> DisconnectInFlight()
        {
            using (var heat = new FakeServer(_ => new FakeReply { Delay = TimeSpan.FromSeconds(60) }))
            {
                var client = Client(heat);
                var pending = client.Stacks.GetAsync(new StackRef("web", "1"), default);
                while (heat.Requests.IsEmpty) await Task.Delay(10);
                client.Session.Dispose();
                return await Outcome(() => pending);
            }
        }

        private static async Task<string> EscapeSequences()
        {
            var message = "Stack failed\\u001b[2J\\u001b]0;owned\\u0007" + new string('x', 100000);
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"error\": {\"message\": \"" + message + "\"}}", 400)))
            {
                try
                {
                    await Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default);
                    return "no error";
                }
                catch (HeatException e)
                {
                    return $"{e.GetType().Name}, message of {e.Message.Length} characters, control characters: {e.Message.Count(char.IsControl)}";
                }
            }
        }
    }
}
