using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>What -Verbose shows of a request: one line, and never a credential.</summary>
    public class TraceTests
    {
        [Fact]
        public async Task ASignedUrl_IsTracedWithItsSignatureHidden()
        {
            var trace = new List<string>();
            using (var heat = new FakeServer(_ => FakeReply.Text("heat_template_version: 2018-08-31\n")))
            {
                var client = Hostile.Client(heat, trace: trace);
                var signed = new Uri(heat.Url("v1/AUTH_x/templates/t.yaml?temp_url_sig=5f1e0c-SIGNED&temp_url_expires=1900000000&sort_keys=name"));

                await client.Templates.FetchTextAsync(signed, default);

                var line = Assert.Single(trace, l => l.StartsWith("GET "));
                Assert.DoesNotContain("5f1e0c-SIGNED", string.Join("\n", trace));
                Assert.Contains("temp_url_sig=***", line);
                Assert.Contains("temp_url_expires=1900000000", line);
                Assert.Contains("sort_keys=name", line);
                Assert.Contains("-> 200 OK in ", line);
            }
        }

        [Fact]
        public async Task UserInfoInAUrl_IsHidden()
        {
            var trace = new List<string>();
            using (var heat = new FakeServer(_ => FakeReply.Text("x")))
            {
                var client = Hostile.Client(heat, trace: trace);
                var url = new UriBuilder(heat.Url("t.yaml")) { UserName = "deploy", Password = "hunter2-SECRET" }.Uri;

                await client.Templates.FetchTextAsync(url, default);

                Assert.DoesNotContain("hunter2-SECRET", string.Join("\n", trace));
                Assert.DoesNotContain(trace, l => l.Contains("deploy:"));
            }
        }

        [Fact]
        public async Task TheToken_NeverAppears()
        {
            var trace = new List<string>();
            using (var heat = new FakeServer(_ => FakeReply.Json(Hostile.StackJson("web", "1"))))
            {
                await Hostile.Client(heat, trace: trace).Stacks.GetAsync(new StackRef("web", "1"), default);

                Assert.Single(trace);
                Assert.DoesNotContain(Hostile.Token, trace.Single());
            }
        }
    }
}
