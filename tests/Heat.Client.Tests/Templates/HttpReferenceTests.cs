using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>http(s) references go through the caller's fetcher; CheckLocal never goes to the network.</summary>
    public class HttpReferenceTests
    {
        private const string InstallerUrl = "https://artifacts.example.com/scripts/install.sh";

        [Fact]
        public async Task Http_get_file_is_fetched_through_the_delegate_and_kept_under_its_url()
        {
            var asked = new List<Uri>();
            Func<Uri, CancellationToken, Task<string>> fetch = (uri, _) =>
            {
                asked.Add(uri);
                return Task.FromResult("#!/bin/sh\napt-get install -y app\n");
            };

            var bundle = await TemplateLoader.LoadAsync(new TemplateRequest { TemplatePath = Fixture.PathOf("edge/http/stack.yaml") }, fetch, default);

            Assert.Equal(new[] { new Uri(InstallerUrl) }, asked);
            Assert.Equal("#!/bin/sh\napt-get install -y app\n", bundle.Files[InstallerUrl]);
            Assert.Equal(InstallerUrl, (string)bundle.Template["resources"]["installer"]["properties"]["config"]["get_file"]);
            Assert.Equal(Fixture.UrlOf("edge/scripts/hello world.sh"), (string)bundle.Template["resources"]["local"]["properties"]["value"]["get_file"]);
        }

        [Fact]
        public void CheckLocal_leaves_http_references_unchecked()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = Fixture.PathOf("edge/http/stack.yaml") });

            Assert.Equal(new[] { InstallerUrl }, bundle.UncheckedUrls);
            Assert.False(bundle.Files.ContainsKey(InstallerUrl));
            Assert.Equal(InstallerUrl, (string)bundle.Template["resources"]["installer"]["properties"]["config"]["get_file"]);
            Assert.True(bundle.Files.ContainsKey(Fixture.UrlOf("edge/scripts/hello world.sh")));
        }

        [Fact]
        public async Task A_failed_fetch_names_the_referencing_file_and_the_url()
        {
            var http = new MockHttpMessageHandler();
            http.When(InstallerUrl).Respond(HttpStatusCode.NotFound);

            var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(
                new TemplateRequest { TemplatePath = Fixture.PathOf("edge/http/stack.yaml") },
                TemplateLoader.FetchWith(new HttpClient(http)), default));

            Assert.Equal(TemplateProblem.FetchFailed, error.Problem);
            Assert.Equal(Fixture.PathOf("edge/http/stack.yaml"), error.FilePath);
            Assert.Equal(InstallerUrl, error.ReferencedPath);
            Assert.Contains("404", error.Message);
        }

        [Fact]
        public async Task A_template_url_is_fetched_here_and_its_relative_children_resolve_against_it()
        {
            // heatclient fetches --template-url itself and sends the template, never template_url.
            var http = new MockHttpMessageHandler();
            http.Expect("https://repo.example.com/stacks/app/stack.yaml")
                .Respond("text/yaml", "heat_template_version: 2018-08-31\nresources:\n  db:\n    type: ../lib/db.yaml\n");
            http.Expect("https://repo.example.com/stacks/lib/db.yaml")
                .Respond("text/yaml", "heat_template_version: 2018-08-31\nresources:\n  init:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {get_file: scripts/init.sql}\n");
            http.Expect("https://repo.example.com/stacks/lib/scripts/init.sql").Respond("text/plain", "CREATE TABLE t (id int);\n");

            var bundle = await TemplateLoader.LoadAsync(new TemplateRequest { TemplateUrl = "https://repo.example.com/stacks/app/stack.yaml" },
                TemplateLoader.FetchWith(new HttpClient(http)), default);

            http.VerifyNoOutstandingExpectation();
            Assert.Null(bundle.TemplateUrl);
            Assert.Equal("https://repo.example.com/stacks/app/stack.yaml", bundle.SourceUrl);
            Assert.Equal("https://repo.example.com/stacks/lib/db.yaml", (string)bundle.Template["resources"]["db"]["type"]);
            Assert.Equal("CREATE TABLE t (id int);\n", bundle.Files["https://repo.example.com/stacks/lib/scripts/init.sql"]);
            var db = JObject.Parse(bundle.Files["https://repo.example.com/stacks/lib/db.yaml"]);
            Assert.Equal("https://repo.example.com/stacks/lib/scripts/init.sql", (string)db["resources"]["init"]["properties"]["config"]["get_file"]);
        }

        [Fact]
        public void CheckLocal_leaves_an_http_template_url_for_Heat()
        {
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplateUrl = "https://repo.example.com/stacks/app/stack.yaml" });

            Assert.Null(bundle.Template);
            Assert.Equal("https://repo.example.com/stacks/app/stack.yaml", bundle.TemplateUrl);
            Assert.Equal(new[] { "https://repo.example.com/stacks/app/stack.yaml" }, bundle.UncheckedUrls);
        }

        [Fact]
        public void An_empty_template_path_beside_a_url_counts_as_not_given()
        {
            // The empty path was counted as not given, then taken over the URL: the current folder was read as a template.
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest { TemplatePath = "", TemplateUrl = "https://repo.example.com/stacks/app/stack.yaml" });

            Assert.Equal("https://repo.example.com/stacks/app/stack.yaml", bundle.TemplateUrl);
        }

        [Fact]
        public async Task Without_a_fetcher_an_http_reference_is_refused_clearly()
        {
            var error = await Assert.ThrowsAsync<TemplateException>(() =>
                TemplateLoader.LoadAsync(new TemplateRequest { TemplatePath = Fixture.PathOf("edge/http/stack.yaml") }, null, default));

            Assert.Equal(TemplateProblem.UnsupportedReference, error.Problem);
        }

        [Fact]
        public async Task Cancellation_stops_the_fetch_and_is_not_wrapped()
        {
            using (var cancel = new CancellationTokenSource())
            {
                Func<Uri, CancellationToken, Task<string>> fetch = async (uri, token) =>
                {
                    cancel.Cancel();
                    await Task.Delay(Timeout.Infinite, token);
                    return "";
                };

                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TemplateLoader.LoadAsync(
                    new TemplateRequest { TemplatePath = Fixture.PathOf("edge/http/stack.yaml") }, fetch, cancel.Token));
            }
        }
    }
}
