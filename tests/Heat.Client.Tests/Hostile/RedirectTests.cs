using System;
using System.Linq;
using System.Threading.Tasks;
using Heat.Client.Keystone;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>A token or a password never follows a redirect to another origin, and nothing leaves https for http.</summary>
    public class RedirectTests
    {
        [Fact]
        public async Task HeatRedirectToAnotherHost_IsRefused_AndTheTokenNeverArrivesThere()
        {
            using (var other = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1")), "127.0.0.2"))
            using (var heat = new FakeServer(_ => FakeReply.Redirect(other.Url("v1/p1/stacks/web/1"))))
            {
                var client = Hostile.Client(heat);

                var error = await Hostile.Throws<HeatRedirectRefusedException>(() => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default));

                Assert.Contains("another host", error.Message);
                Assert.Empty(other.Requests);
                Assert.All(heat.Requests, r => Assert.Equal(Hostile.Token, r.Headers["X-Auth-Token"]));
            }
        }

        [Fact]
        public async Task HeatRedirectToAnotherPortOfTheSameHost_IsRefused()
        {
            using (var other = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1"))))
            using (var heat = new FakeServer(_ => FakeReply.Redirect(other.Url("v1/p1/stacks/web/1"))))
            {
                var client = Hostile.Client(heat);

                await Hostile.Throws<HeatRedirectRefusedException>(() => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default));

                Assert.Empty(other.Requests);
            }
        }

        [Fact]
        public async Task HeatRedirectWithinTheSameOrigin_IsFollowedWithTheToken()
        {
            FakeServer heat = null;
            heat = new FakeServer(r => r.Path.EndsWith("/stacks/web")
                ? FakeReply.Redirect(heat.Url("v1/p1/stacks/web/1"))
                : FakeReply.Json(Hostile.StackJson("web", "1")));
            using (heat)
            {
                var stack = await Hostile.Client(heat).Stacks.GetAsync(StackRef.FromNameOrId("web"), default);

                Assert.Equal("1", stack.Id);
                Assert.Equal(2, heat.Requests.Count);
                Assert.All(heat.Requests, r => Assert.Equal(Hostile.Token, r.Headers["X-Auth-Token"]));
            }
        }

        [Fact]
        public async Task KeystoneRedirectToAnotherHost_IsRefused_AndThePasswordNeverArrivesThere()
        {
            using (var other = new FakeServer(_ => FakeReply.Json("{}", 201), "127.0.0.2"))
            using (var keystone = new FakeServer(_ => FakeReply.Redirect(other.Url("v3/auth/tokens"), 307)))
            {
                var options = new AuthOptions
                {
                    AuthUrl = keystone.Url("v3"),
                    UserName = "demo",
                    Password = TestCloud.Secure(Hostile.Password),
                    ProjectName = "demo",
                    RetryDelay = TimeSpan.FromMilliseconds(10),
                };

                var error = await Hostile.Throws<HeatRedirectRefusedException>(() => HeatSession.ConnectAsync(options));

                Assert.Contains("credentials", error.Message);
                Assert.Empty(other.Requests);
                Assert.Contains(Hostile.Password, keystone.Requests.Single().Body);
            }
        }

        [CertificateFact]
        public async Task HttpsToHttpRedirect_IsRefused_EvenOnTheSameHost()
        {
            using (var plain = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1"))))
            using (var heat = new FakeServer(_ => FakeReply.Redirect(plain.Url("v1/p1/stacks/web/1")), tls: true))
            {
                var client = Hostile.Client(heat, o => o.SkipCertificateCheck = true);

                var error = await Hostile.Throws<HeatRedirectRefusedException>(() => client.Stacks.GetAsync(StackRef.FromNameOrId("web"), default));

                Assert.Contains("plain http", error.Message);
                Assert.Empty(plain.Requests);
            }
        }

        [Fact]
        public async Task TemplateUrl_MayRedirectToAnotherHost_AndCarriesNoToken()
        {
            using (var mirror = new FakeServer(_ => FakeReply.Text("heat_template_version: 2018-08-31\n"), "127.0.0.2"))
            using (var templates = new FakeServer(_ => FakeReply.Redirect(mirror.Url("t.yaml"))))
            using (var heat = new FakeServer(_ => FakeReply.Json("{}")))
            {
                var client = Hostile.Client(heat);

                var text = await client.Templates.FetchTextAsync(new Uri(templates.Url("t.yaml")), default);

                Assert.StartsWith("heat_template_version", text);
                Assert.False(templates.Requests.Single().Headers.ContainsKey("X-Auth-Token"));
                Assert.False(mirror.Requests.Single().Headers.ContainsKey("X-Auth-Token"));
            }
        }

        [CertificateFact]
        public async Task TemplateUrl_FromHttpsToHttp_IsRefused()
        {
            using (var plain = new FakeServer(_ => FakeReply.Text("heat_template_version: 2018-08-31\n")))
            using (var templates = new FakeServer(_ => FakeReply.Redirect(plain.Url("t.yaml")), "127.0.0.2", tls: true))
            {
                // The template host is trusted here only to reach its redirect: make it the cloud's own origin.
                var client = Hostile.Client(templates, o => o.SkipCertificateCheck = true);

                await Hostile.Throws<HeatRedirectRefusedException>(() => client.Templates.FetchTextAsync(new Uri(templates.Url("t.yaml")), default));

                Assert.Empty(plain.Requests);
            }
        }

        [CertificateFact]
        public async Task SkipCertificateCheck_CoversTheCloud_NotAThirdPartyTemplateHost()
        {
            using (var templates = new FakeServer(_ => FakeReply.Text("heat_template_version: 2018-08-31\n"), "127.0.0.2", tls: true))
            using (var heat = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1")), tls: true))
            {
                var client = Hostile.Client(heat, o => o.SkipCertificateCheck = true);

                var stack = await client.Stacks.GetAsync(new StackRef("web", "1"), default);
                var error = await Hostile.Throws<HeatConnectionException>(() => client.Templates.FetchTextAsync(new Uri(templates.Url("t.yaml")), default));

                Assert.Equal("1", stack.Id);
                Assert.False(error.IsTransient);
                Assert.Empty(templates.Requests);
            }
        }
    }
}
