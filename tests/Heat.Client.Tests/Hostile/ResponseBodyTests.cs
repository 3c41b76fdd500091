using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>A 2xx is read only when it is what the route promises, and never without a ceiling.</summary>
    public class ResponseBodyTests
    {
        private static Task<Models.HeatStack> GetWeb(HeatClient client) => client.Stacks.GetAsync(new StackRef("web", "1"), default);

        [Fact]
        public async Task ProxyLoginPage_IsAnError_NamingUrlStatusAndContentType()
        {
            using (var heat = new FakeServer(_ => FakeReply.Text("<html><body>Please log in</body></html>", "text/html")))
            {
                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(Hostile.Client(heat)));

                Assert.Contains(heat.Url("v1/p1/stacks/web/1"), error.Message);
                Assert.Contains("200", error.Message);
                Assert.Contains("text/html", error.Message);
            }
        }

        [Fact]
        public async Task ProxyLoginPage_OnAList_IsAnError_NotAnEmptyList()
        {
            using (var heat = new FakeServer(_ => FakeReply.Text("<html>Please log in</html>", "text/html")))
            {
                var client = Hostile.Client(heat);

                await Hostile.Throws<HeatInvalidResponseException>(() => Task.Run(() => client.Stacks.List(new StackListOptions(), default).GetEnumerator().MoveNext()));
            }
        }

        [Fact]
        public async Task TruncatedJson_IsAnError()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stack\": {\"id\": \"1\", \"stack_na")))
            {
                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(Hostile.Client(heat)));

                Assert.Contains("not the JSON", error.Message);
            }
        }

        [Fact]
        public async Task JsonNestedTooDeep_IsAnError_NotACrash()
        {
            var deep = "{\"stack\": " + new string('[', 100000) + new string(']', 100000) + "}";
            using (var heat = new FakeServer(_ => FakeReply.Json(deep)))
            {
                await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(Hostile.Client(heat)));
            }
        }

        [Fact]
        public async Task JsonWithoutTheEnvelope_IsAnError()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stacks\": []}")))
            {
                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(Hostile.Client(heat)));

                Assert.Contains("\"stack\"", error.Message);
            }
        }

        [Fact]
        public async Task EmptySuccessBody_IsAnError()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("")))
            {
                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(Hostile.Client(heat)));

                Assert.Contains("empty", error.Message);
            }
        }

        [Fact]
        public async Task DeclaredLengthOverTheLimit_IsRefusedBeforeReading()
        {
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var chunk = new byte[65536];
                    for (int i = 0; i < 16; i++) await stream.WriteAsync(chunk, 0, chunk.Length, token);
                },
            }.Header("Content-Type", "application/json").Header("Content-Length", "1073741824")))
            {
                var client = Hostile.Client(heat, o => o.MaxResponseBytes = 1024 * 1024);

                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(client));

                Assert.Contains("1073741824 bytes is over the limit", error.Message);
            }
        }

        [Fact]
        public async Task EndlessBody_StopsAtTheLimit()
        {
            long sent = 0;
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var chunk = Encoding.ASCII.GetBytes(new string(' ', 65536));
                    while (!token.IsCancellationRequested)
                    {
                        await stream.WriteAsync(chunk, 0, chunk.Length, token);
                        sent += chunk.Length;
                    }
                },
            }.Header("Content-Type", "application/json")))
            {
                var client = Hostile.Client(heat, o => o.MaxResponseBytes = 2 * 1024 * 1024);
                var watch = Stopwatch.StartNew();

                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(client));

                Assert.Contains("over the limit of 2097152 bytes", error.Message);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
            }
        }

        [Fact]
        public async Task GzipBomb_IsCappedAfterDecompression()
        {
            // 64 MiB of spaces in about 64 KiB of gzip.
            var bomb = Hostile.GzipBomb();
            Assert.True(bomb.Length < 1024 * 1024);
            using (var heat = new FakeServer(_ => new FakeReply { Body = bomb }.Header("Content-Type", "application/json").Header("Content-Encoding", "gzip")))
            {
                var client = Hostile.Client(heat, o => o.MaxResponseBytes = 4 * 1024 * 1024);

                var error = await Hostile.Throws<HeatInvalidResponseException>(() => GetWeb(client));

                Assert.Contains("over the limit of 4194304 bytes", error.Message);
            }
        }

        [Fact]
        public async Task TricklingBody_EndsAtTheTimeout()
        {
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"stack\": "), 0, 10, token);
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Delay(100, token);
                        await stream.WriteAsync(new[] { (byte)' ' }, 0, 1, token);
                        await stream.FlushAsync(token);
                    }
                },
            }.Header("Content-Type", "application/json")))
            {
                var client = Hostile.Client(heat, o =>
                {
                    o.Timeout = TimeSpan.FromSeconds(1);
                    o.MaxRetries = 0;
                });
                var watch = Stopwatch.StartNew();

                var error = await Hostile.Throws<HeatConnectionException>(() => GetWeb(client));

                Assert.True(error.IsTimeout);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
            }
        }

        [Fact]
        public async Task ServerErrorText_LosesEscapeSequences_AndIsCapped()
        {
            var hostile = "{\"error\": {\"message\": \"Stack failed\\u001b[2J\\u001b]0;owned\\u0007\\r\\nFAKE: all good" + new string('x', 5000) + "\"}}";
            using (var heat = new FakeServer(_ => FakeReply.Json(hostile, 400)))
            {
                var error = await Hostile.Throws<HeatBadRequestException>(() => GetWeb(Hostile.Client(heat)));

                Assert.DoesNotContain('\u001b', error.Message);
                Assert.DoesNotContain('\u0007', error.Message);
                Assert.DoesNotContain('\n', error.Message);
                Assert.StartsWith("Stack failed", error.Message);
                Assert.True(error.Message.Length <= 1003, $"length {error.Message.Length}");
            }
        }

        [Fact]
        public async Task KeystoneCreatedWithoutATokenBody_IsAnError()
        {
            using (var keystone = new FakeServer(_ => FakeReply.Json("{\"nothing\": 1}", 201).Header("X-Subject-Token", "t")))
            {
                var options = new Keystone.AuthOptions
                {
                    AuthUrl = keystone.Url("v3"),
                    UserName = "demo",
                    Password = TestCloud.Secure(Hostile.Password),
                    ProjectName = "demo",
                };

                // Not Keystone's answer: it is said so, with the URL tried.
                var error = await Hostile.Throws<HeatIdentityNotFoundException>(() => HeatSession.ConnectAsync(options));

                Assert.Contains("has no 'token' object", error.Message);
                Assert.Contains(keystone.Url("v3/auth/tokens"), error.Message);
            }
        }
    }
}
