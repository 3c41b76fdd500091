using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>What the session keeps and how it ends: its own copy of secrets, renewal that a skewed clock cannot
    /// turn into a token request per call, and a clear end for requests in flight at Disconnect.</summary>
    public class SessionSafetyTests
    {
        private static AuthOptions PasswordOptions(FakeServer keystone, System.Security.SecureString password) => new AuthOptions
        {
            AuthUrl = keystone.Url("v3"),
            UserName = "demo",
            Password = password,
            ProjectName = "demo",
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };

        [Fact]
        public async Task CallerDisposingThePassword_DoesNotBreakRenewal()
        {
            int tokens = 0;
            FakeServer heat = null;
            heat = new FakeServer(r => r.Headers["X-Auth-Token"] == "first"
                ? FakeReply.Json("{\"error\": {\"message\": \"expired\"}}", 401)
                : FakeReply.Json(Hostile.StackJson("web", "1")));
            using (heat)
            using (var keystone = new FakeServer(r => Hostile.TokenReply(heat, Interlocked.Increment(ref tokens) == 1 ? "first" : "second")))
            {
                var password = TestCloud.Secure(Hostile.Password);
                var session = await HeatSession.ConnectAsync(PasswordOptions(keystone, password));
                password.Dispose();

                var stack = await new HeatClient(session).Stacks.GetAsync(new StackRef("web", "1"), default);

                Assert.Equal("1", stack.Id);
                Assert.Equal(2, tokens);
                Assert.Contains(Hostile.Password, keystone.Requests.Last().Body);
            }
        }

        [Fact]
        public async Task ClockSkew_WithIssuedAt_DoesNotRenewOnEveryCall()
        {
            // The server's clock is a day behind ours: by our clock the token expired long ago, but it has 1 h to live.
            var issued = DateTime.UtcNow.AddDays(-1);
            using (var heat = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1"))))
            using (var keystone = new FakeServer(_ => Hostile.TokenReply(heat, expiresAt: issued.AddHours(1).ToString("o"), issuedAt: issued.ToString("o"))))
            {
                var client = new HeatClient(await HeatSession.ConnectAsync(PasswordOptions(keystone, TestCloud.Secure(Hostile.Password))));

                for (int i = 0; i < 5; i++) await client.Stacks.GetAsync(new StackRef("web", "1"), default);

                Assert.Single(keystone.Requests);
            }
        }

        [Fact]
        public async Task ClockSkew_WithoutIssuedAt_RenewsOnce_ThenTrustsTheServer()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1"))))
            using (var keystone = new FakeServer(_ => Hostile.TokenReply(heat, expiresAt: DateTime.UtcNow.AddDays(-1).ToString("o"))))
            {
                var trace = new System.Collections.Generic.List<string>();
                var client = new HeatClient(await HeatSession.ConnectAsync(PasswordOptions(keystone, TestCloud.Secure(Hostile.Password))), l => trace.Add(l));

                for (int i = 0; i < 5; i++) await client.Stacks.GetAsync(new StackRef("web", "1"), default);

                Assert.Equal(2, keystone.Requests.Count);
                Assert.Contains(trace, l => l.Contains("used until Heat refuses it"));
            }
        }

        [Fact]
        public async Task Disconnect_WhileARequestIsInFlight_EndsItAsDisconnected()
        {
            using (var heat = new FakeServer(_ => new FakeReply { Delay = TimeSpan.FromSeconds(30) }))
            {
                var client = Hostile.Client(heat);
                var pending = client.Stacks.GetAsync(new StackRef("web", "1"), default);
                while (heat.Requests.IsEmpty) await Task.Delay(10);

                client.Session.Dispose();

                var error = await Hostile.Throws<HeatSessionClosedException>(() => pending);
                Assert.Contains("disconnected", error.Message);
                await Hostile.Throws<HeatSessionClosedException>(() => client.Stacks.GetAsync(new StackRef("web", "1"), default));
            }
        }

        [Fact]
        public async Task TokenWithALineBreak_FromKeystone_IsRefused()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{}")))
            using (var keystone = new FakeServer(_ => Hostile.TokenReply(heat, token: "abc\tX-Injected: 1")))
            {
                var error = await Hostile.Throws<HeatException>(() => HeatSession.ConnectAsync(PasswordOptions(keystone, TestCloud.Secure(Hostile.Password))));

                Assert.Contains("not a valid header value", error.Message);
            }
        }
    }
}
