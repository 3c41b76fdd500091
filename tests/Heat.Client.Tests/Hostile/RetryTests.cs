using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>Safe reads survive transient failures; a create or delete is never sent twice on a guess.</summary>
    public class RetryTests
    {
        private static CreateStackRequest NewWeb() => new CreateStackRequest
        {
            StackName = "web",
            Template = new TemplateBundle { Template = JObject.Parse("{\"heat_template_version\": \"2018-08-31\"}") },
        };

        [Fact]
        public async Task Get_AfterTwo503s_Succeeds_AndTheRetriesShowInTheTrace()
        {
            int calls = 0;
            var trace = new List<string>();
            using (var heat = new FakeServer(_ => Interlocked.Increment(ref calls) <= 2
                ? FakeReply.Text("busy", status: 503)
                : FakeReply.Json(Hostile.StackJson("web", "1"))))
            {
                var stack = await Hostile.Client(heat, trace: trace).Stacks.GetAsync(new StackRef("web", "1"), default);

                Assert.Equal("1", stack.Id);
                Assert.Equal(3, calls);
                Assert.Equal(2, trace.Count(l => l.StartsWith("Retrying GET")));
                // One line per attempt: method, URL, status, time, and which retry it was.
                var attempts = trace.Where(l => l.StartsWith("GET ")).ToList();
                Assert.Equal(3, attempts.Count);
                Assert.Matches(@"^GET http://127\.0\.0\.1:\d+/v1/p1/stacks/web/1 -> 503 .* in \d+ ms$", attempts[0]);
                Assert.EndsWith(" (retry 1 of 3)", attempts[1]);
                Assert.Matches(@" -> 200 OK in \d+ ms \(retry 2 of 3\)$", attempts[2]);
            }
        }

        [Fact]
        public async Task Get_GivesUpAfterMaxRetries()
        {
            using (var heat = new FakeServer(_ => FakeReply.Text("bad gateway", status: 502)))
            {
                var error = await Hostile.Throws<HeatServerException>(() => Hostile.Client(heat, o => o.MaxRetries = 2).Stacks.GetAsync(new StackRef("web", "1"), default));

                Assert.Equal(3, heat.Requests.Count);
                Assert.True(error.IsTransient);
            }
        }

        [Fact]
        public async Task RetryAfter_IsWaitedFor()
        {
            int calls = 0;
            using (var heat = new FakeServer(_ => Interlocked.Increment(ref calls) == 1
                ? FakeReply.Text("slow down", status: 429).Header("Retry-After", "1")
                : FakeReply.Json(Hostile.StackJson("web", "1"))))
            {
                var watch = Stopwatch.StartNew();

                await Hostile.Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default);

                Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {watch.Elapsed}");
            }
        }

        [Fact]
        public async Task RetryAfterBeyondTheLimit_IsReportedAtOnce()
        {
            using (var heat = new FakeServer(_ => FakeReply.Text("come back tomorrow", status: 503).Header("Retry-After", "86400")))
            {
                var watch = Stopwatch.StartNew();

                await Hostile.Throws<HeatServerException>(() => Hostile.Client(heat).Stacks.GetAsync(new StackRef("web", "1"), default));

                Assert.Single(heat.Requests);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
            }
        }

        [Fact]
        public async Task ConnectionRefused_OnARead_IsRetried_ThenAConnectionError()
        {
            var trace = new List<string>();
            var options = Hostile.TokenOptions(new FakeServer(_ => null));
            options.HeatEndpoint = $"http://127.0.0.1:{FakeServer.ClosedPort()}/v1/p1";
            options.MaxRetries = 2;
            var client = new HeatClient(await HeatSession.ConnectAsync(options), l => { lock (trace) trace.Add(l); });

            var error = await Hostile.Throws<HeatConnectionException>(() => client.Stacks.GetAsync(new StackRef("web", "1"), default));

            Assert.True(error.IsTransient);
            Assert.False(error.MayHaveBeenProcessed);
            Assert.Equal(2, trace.Count(l => l.StartsWith("Retrying GET")));
        }

        [Fact]
        public async Task Create_After429_IsSentAgain_BecauseHeatDidNotTakeIt()
        {
            int calls = 0;
            using (var heat = new FakeServer(_ => Interlocked.Increment(ref calls) == 1
                ? FakeReply.Text("rate limited", status: 429)
                : FakeReply.Json("{\"stack\": {\"id\": \"new-id\", \"links\": []}}", 201)))
            {
                var created = await Hostile.Client(heat).Stacks.CreateAsync(NewWeb(), default);

                Assert.Equal("new-id", created.Id);
                Assert.Equal(2, heat.Requests.Count(r => r.Method == "POST"));
            }
        }

        [Fact]
        public async Task Create_After503_IsNotSentAgain_AndSaysWhatHeatShowsNow()
        {
            using (var heat = new FakeServer(r => r.Method == "POST"
                ? FakeReply.Text("gateway lost the backend", status: 503)
                : FakeReply.Json(Hostile.StackJson("web", "made-anyway", "CREATE_IN_PROGRESS"))))
            {
                var error = await Hostile.Throws<HeatOutcomeUnknownException>(() => Hostile.Client(heat).Stacks.CreateAsync(NewWeb(), default));

                Assert.Single(heat.Requests, r => r.Method == "POST");
                Assert.Equal("made-anyway", error.Found.Id);
                Assert.Contains("CREATE_IN_PROGRESS", error.Message);
                Assert.Contains("not sent again", error.Message);
            }
        }

        [Fact]
        public async Task Create_WhenTheConnectionIsResetAfterSending_IsNotSentAgain()
        {
            using (var heat = new FakeServer(r => r.Method == "POST" ? new FakeReply { Reset = true } : FakeReply.Json("{\"error\": {\"message\": \"not found\"}}", 404)))
            {
                var error = await Hostile.Throws<HeatOutcomeUnknownException>(() => Hostile.Client(heat).Stacks.CreateAsync(NewWeb(), default));

                Assert.Single(heat.Requests, r => r.Method == "POST");
                Assert.Null(error.Found);
                Assert.Contains("no stack of that name", error.Message);
            }
        }

        [Fact]
        public async Task Delete_WhenTheConnectionIsReset_LooksTheStackUp_AndAcceptsADeletionInProgress()
        {
            using (var heat = new FakeServer(r => r.Method == "DELETE"
                ? new FakeReply { Reset = true }
                : FakeReply.Json(Hostile.StackJson("web", "1", "DELETE_IN_PROGRESS"))))
            {
                await Hostile.Client(heat).Stacks.DeleteAsync(new StackRef("web", "1"), default);

                Assert.Single(heat.Requests, r => r.Method == "DELETE");
            }
        }

        [Fact]
        public async Task Delete_WhenTheConnectionIsReset_AndTheStackIsUntouched_IsAnErrorSayingSo()
        {
            using (var heat = new FakeServer(r => r.Method == "DELETE"
                ? new FakeReply { Reset = true }
                : FakeReply.Json(Hostile.StackJson("web", "1", "CREATE_COMPLETE"))))
            {
                var error = await Hostile.Throws<HeatOutcomeUnknownException>(() => Hostile.Client(heat).Stacks.DeleteAsync(new StackRef("web", "1"), default));

                Assert.Single(heat.Requests, r => r.Method == "DELETE");
                Assert.Contains("CREATE_COMPLETE", error.Message);
            }
        }

        [Fact]
        public async Task Validate_IsSafeToRetry_AndBuildsOneQuery()
        {
            int calls = 0;
            using (var heat = new FakeServer(_ => Interlocked.Increment(ref calls) == 1
                ? FakeReply.Text("busy", status: 503)
                : FakeReply.Json("{\"Description\": \"d\", \"Parameters\": {}}")))
            {
                await Hostile.Client(heat).Templates.ValidateAsync(new ValidateTemplateRequest
                {
                    Template = NewWeb().Template,
                    ShowNested = true,
                    IgnoreErrors = { "99001", "99002" },
                }, "t.yaml", default);

                Assert.Equal(2, calls);
                Assert.All(heat.Requests, r => Assert.Equal("/v1/p1/validate?ignore_errors=99001%2C99002&show_nested=True", r.Target));
            }
        }
    }
}
