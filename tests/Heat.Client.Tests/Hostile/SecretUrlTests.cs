using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>
    /// A signed URL (a Swift temp URL, an S3 presigned URL) or a URL with user:password@ is a credential: when a request to
    /// one times out, is refused or is redirected, nothing the user reads (the exception's message, its inner exceptions,
    /// its URI properties, the -Verbose lines) may hold it.
    /// </summary>
    public class SecretUrlTests
    {
        private static readonly string[] Secrets =
        {
            "hunter2-SECRET", "SIG-SECRET", "KEY-SECRET", "TOKEN-SECRET", "AMZSIG-SECRET", "AMZCRED-SECRET", "AMZTOK-SECRET", "PW-SECRET",
        };

        /// <summary>A URL on <paramref name="authority"/> that carries every kind of credential, and one value to show.</summary>
        private static Uri Signed(string authority, string path = "t.yaml") => new Uri(
            "http://deploy:hunter2-SECRET@" + authority + "/" + path + "?temp_url_sig=SIG-SECRET&temp_url_expires=1900000000" +
            "&api_key=KEY-SECRET&access_token=TOKEN-SECRET&X-Amz-Signature=AMZSIG-SECRET&X-Amz-Credential=AMZCRED-SECRET" +
            "&X-Amz-Security-Token=AMZTOK-SECRET&password=PW-SECRET");

        /// <summary>Everything a user could read of an exception: its text (messages and inner exceptions) and its URI properties.</summary>
        private static string Readable(Exception error)
        {
            var parts = new List<string> { error.ToString() };
            for (var e = error; e != null; e = e.InnerException)
            {
                parts.Add(e.Message);
                foreach (var property in e.GetType().GetProperties())
                {
                    if (property.PropertyType == typeof(Uri) || property.PropertyType == typeof(string))
                    {
                        parts.Add(Convert.ToString(property.GetValue(e)));
                    }
                }
            }
            return string.Join("\n", parts);
        }

        private static void AssertNoSecret(string text)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }

        [Fact]
        public async Task A_timeout_and_its_retry_show_no_credential_of_the_url()
        {
            var trace = new List<string>();
            using (var server = new FakeServer(_ => new FakeReply { Delay = TimeSpan.FromSeconds(30) }))
            {
                var client = Hostile.Client(server, o =>
                {
                    o.Timeout = TimeSpan.FromSeconds(1);
                    o.MaxRetries = 1;
                }, trace);

                var error = await Assert.ThrowsAsync<HeatConnectionException>(() =>
                    client.Templates.FetchTextAsync(Signed(server.BaseUrl.Substring(7)), default));

                Assert.True(error.IsTimeout);
                Assert.Contains(trace, l => l.StartsWith("Retrying GET "));
                AssertNoSecret(Readable(error));
                AssertNoSecret(string.Join("\n", trace));
                // What is no secret stays readable: the host, the path, when the signature expires.
                Assert.Contains("temp_url_sig=***", error.Message);
                Assert.Contains("temp_url_expires=1900000000", error.Message);
                Assert.Contains("/t.yaml", error.Message);
            }
        }

        [Fact]
        public async Task A_refused_connection_shows_no_credential_of_the_url()
        {
            var trace = new List<string>();
            using (var heat = new FakeServer(_ => FakeReply.Json("{}")))
            {
                var client = Hostile.Client(heat, o => o.MaxRetries = 0, trace);

                var error = await Assert.ThrowsAsync<HeatConnectionException>(() =>
                    client.Templates.FetchTextAsync(Signed("127.0.0.1:" + FakeServer.ClosedPort()), default));

                AssertNoSecret(Readable(error));
                AssertNoSecret(string.Join("\n", trace));
                Assert.Contains("X-Amz-Signature=***", error.Message);
                Assert.Contains("***@127.0.0.1", error.FailedUri.ToString());
            }
        }

        [Fact]
        public async Task A_redirect_to_a_signed_url_that_is_refused_names_it_masked()
        {
            var trace = new List<string>();
            var target = new Uri(Signed("127.0.0.1:1").ToString().Replace("http://", "ftp://"));
            using (var server = new FakeServer(_ => FakeReply.Redirect(target.ToString())))
            {
                var client = Hostile.Client(server, o => o.MaxRetries = 0, trace);

                var error = await Assert.ThrowsAsync<HeatRedirectRefusedException>(() =>
                    client.Templates.FetchTextAsync(new Uri(server.Url("t.yaml")), default));

                AssertNoSecret(Readable(error));
                AssertNoSecret(string.Join("\n", trace));
                Assert.StartsWith("ftp://***@127.0.0.1", error.To.ToString());
            }
        }

        [Fact]
        public async Task A_redirect_followed_to_a_signed_url_that_does_not_answer_names_it_masked()
        {
            var trace = new List<string>();
            var target = Signed("127.0.0.2:" + FakeServer.ClosedPort());
            using (var server = new FakeServer(_ => FakeReply.Redirect(target.ToString())))
            {
                var client = Hostile.Client(server, o => o.MaxRetries = 0, trace);

                var error = await Assert.ThrowsAsync<HeatConnectionException>(() =>
                    client.Templates.FetchTextAsync(new Uri(server.Url("t.yaml")), default));

                AssertNoSecret(Readable(error));
                AssertNoSecret(string.Join("\n", trace));
                Assert.Contains("127.0.0.2", error.Message);
            }
        }

        [Fact]
        public async Task A_template_url_that_fails_names_it_masked_and_so_do_the_fetchers_inner_errors()
        {
            using (var server = new FakeServer(_ => FakeReply.Text("no such object", status: 404)))
            using (var http = new HttpClient())
            {
                var url = Signed(server.BaseUrl.Substring(7)).ToString();

                var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(
                    new TemplateRequest { TemplateUrl = url }, TemplateLoader.FetchWith(http), CancellationToken.None));

                Assert.Equal(TemplateProblem.FetchFailed, error.Problem);
                // The fetcher's own HttpRequestException names the URL; it is the inner exception.
                Assert.NotNull(error.InnerException);
                AssertNoSecret(Readable(error));
                Assert.Contains("temp_url_sig=***", error.FilePath);
            }
        }
    }
}
