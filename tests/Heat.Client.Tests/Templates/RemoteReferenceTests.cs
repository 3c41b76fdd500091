using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Templates
{
    /// <summary>
    /// A file read over http(s) is someone else's: it may name only http(s) URLs (relative to its own URL or absolute),
    /// never a file on this machine, or the module would send that file to Heat (or tell whether it exists).
    /// </summary>
    public class RemoteReferenceTests
    {
        private const string TopUrl = "https://repo.example.com/stacks/app/top.yaml";

        /// <summary>Serves fixed texts by URL and records what was asked; anything else fails the fetch.</summary>
        private sealed class Server
        {
            private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);

            public List<string> Asked { get; } = new List<string>();

            public Server Serve(string url, string text)
            {
                _texts[url] = text;
                return this;
            }

            public Task<string> Fetch(Uri uri, CancellationToken cancellationToken)
            {
                Asked.Add(uri.AbsoluteUri);
                return _texts.TryGetValue(uri.AbsoluteUri, out var text)
                    ? Task.FromResult(text)
                    : throw new InvalidOperationException("nothing served at " + uri);
            }
        }

        private static string TemplateNaming(string key, string reference) =>
            "heat_template_version: 2018-08-31\nresources:\n  r:\n    " +
            (key == "type" ? "type: '" + reference + "'\n" : "type: OS::Heat::Value\n    properties:\n      value: {get_file: '" + reference + "'}\n");

        private static Task<TemplateBundle> LoadTopAsync(Server server) =>
            TemplateLoader.LoadAsync(new TemplateRequest { TemplateUrl = TopUrl }, server.Fetch, CancellationToken.None);

        [Theory]
        [InlineData("get_file", "file:///proc/self/environ")]
        [InlineData("type", "file:///etc/x.yaml")]
        [InlineData("get_file", "file:relative-to-the-current-folder.txt")]
        [InlineData("get_file", "file://fileserver/share/secret.txt")]
        [InlineData("type", @"C:\stacks\x.yaml")]
        [InlineData("get_file", "C:/Windows/win.ini")]
        [InlineData("get_file", "ftp://repo.example.com/x.sh")]
        public async Task A_remote_template_may_not_name_a_local_file(string key, string reference)
        {
            var server = new Server().Serve(TopUrl, TemplateNaming(key, reference));

            var error = await Assert.ThrowsAsync<TemplateException>(() => LoadTopAsync(server));

            Assert.Equal(TemplateProblem.ForbiddenReference, error.Problem);
            Assert.Equal(TopUrl, error.FilePath);
            Assert.NotNull(error.Line);
            Assert.Contains(key + " '" + reference + "'", error.Message);
            Assert.Contains("http(s)", error.Message);
            Assert.Equal(new[] { TopUrl }, server.Asked);
        }

        [Fact]
        public async Task The_refusal_says_the_same_whether_or_not_the_local_file_exists()
        {
            var folder = Fixture.TempDirectory();
            try
            {
                var secret = Path.Combine(folder, "secret.txt");
                File.WriteAllText(secret, "s3cret");
                var server = new Server().Serve(TopUrl, TemplateNaming("get_file", HeatUrl.PathToFileUrl(secret)));

                var whenPresent = await Assert.ThrowsAsync<TemplateException>(() => LoadTopAsync(server));
                File.Delete(secret);
                var whenMissing = await Assert.ThrowsAsync<TemplateException>(() => LoadTopAsync(server));
                Directory.CreateDirectory(secret);
                var whenFolder = await Assert.ThrowsAsync<TemplateException>(() => LoadTopAsync(server));

                Assert.Equal(TemplateProblem.ForbiddenReference, whenPresent.Problem);
                Assert.Equal(whenPresent.Message, whenMissing.Message);
                Assert.Equal(whenPresent.Message, whenFolder.Message);
                Assert.DoesNotContain("s3cret", whenPresent.Message);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public async Task A_remote_child_of_a_local_template_is_held_to_the_same_rule()
        {
            const string childUrl = "https://repo.example.com/lib/child.yaml";
            var server = new Server().Serve(childUrl, TemplateNaming("get_file", "file:///etc/hostname"));
            var request = new TemplateRequest { TemplateText = TemplateNaming("type", childUrl) };

            var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(request, server.Fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.ForbiddenReference, error.Problem);
            Assert.Equal(childUrl, error.FilePath);
            Assert.Equal("file:///etc/hostname", error.ReferencedPath);
        }

        [Fact]
        public async Task Paths_in_a_remote_template_stay_on_its_server_as_heatclient_joins_them()
        {
            // urljoin keeps the scheme and host for "/etc/passwd" and "../x": these are http reads, never local ones.
            var server = new Server()
                .Serve(TopUrl, "heat_template_version: 2018-08-31\nresources:\n  a:\n    type: OS::Heat::Value\n    properties:\n      value: {get_file: /etc/passwd}\n  b:\n    type: ../lib/b.yaml\n")
                .Serve("https://repo.example.com/etc/passwd", "served, not local")
                .Serve("https://repo.example.com/stacks/lib/b.yaml", "heat_template_version: 2018-08-31\n");

            var bundle = await LoadTopAsync(server);

            Assert.Equal("served, not local", bundle.Files["https://repo.example.com/etc/passwd"]);
            Assert.Contains("https://repo.example.com/stacks/lib/b.yaml", bundle.Files.Keys);
            Assert.DoesNotContain(bundle.Files.Keys, key => key.StartsWith("file:", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_remote_environment_may_not_name_a_local_file_in_its_registry()
        {
            const string envUrl = "https://repo.example.com/env/prod.yaml";
            var server = new Server().Serve(envUrl, "resource_registry:\n  My::Thing: file:///etc/thing.yaml\n");
            var request = new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\n" };
            request.EnvironmentPaths.Add(envUrl);

            var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(request, server.Fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.ForbiddenReference, error.Problem);
            Assert.Equal(envUrl, error.FilePath);
            Assert.Equal(2, error.Line);
            Assert.Contains("My::Thing: file:///etc/thing.yaml", error.Message);
        }

        [Theory]
        [InlineData("file:///etc/heat")]
        [InlineData("C:/heat")]
        public async Task A_remote_environment_may_not_point_base_url_at_local_files(string baseUrl)
        {
            const string envUrl = "https://repo.example.com/env/prod.yaml";
            var server = new Server().Serve(envUrl, "resource_registry:\n  base_url: '" + baseUrl + "'\n  My::Thing: thing.yaml\n");
            var request = new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\n" };
            request.EnvironmentPaths.Add(envUrl);

            var error = await Assert.ThrowsAsync<TemplateException>(() => TemplateLoader.LoadAsync(request, server.Fetch, CancellationToken.None));

            Assert.Equal(TemplateProblem.ForbiddenReference, error.Problem);
            Assert.Equal(envUrl, error.FilePath);
            Assert.Equal(2, error.Line);
            Assert.Contains("base_url", error.Message);
            Assert.Equal(new[] { envUrl }, server.Asked);
        }

        [Fact]
        public async Task A_remote_environment_reads_its_registry_files_from_its_own_server()
        {
            const string envUrl = "https://repo.example.com/env/prod.yaml";
            var server = new Server()
                .Serve(envUrl, "resource_registry:\n  My::Thing: ../templates/thing.yaml\n")
                .Serve("https://repo.example.com/templates/thing.yaml", "heat_template_version: 2018-08-31\n");
            var request = new TemplateRequest { TemplateText = "heat_template_version: 2018-08-31\n" };
            request.EnvironmentPaths.Add(envUrl);

            var bundle = await TemplateLoader.LoadAsync(request, server.Fetch, CancellationToken.None);

            Assert.Equal("https://repo.example.com/templates/thing.yaml", (string)bundle.Environment["resource_registry"]["My::Thing"]);
        }

        [Fact]
        public async Task A_local_template_still_names_local_files_and_http_urls()
        {
            var server = new Server().Serve("https://artifacts.example.com/scripts/install.sh", "#!/bin/sh\n");

            var bundle = await TemplateLoader.LoadAsync(new TemplateRequest { TemplatePath = Fixture.PathOf("edge/http/stack.yaml") },
                server.Fetch, CancellationToken.None);

            Assert.Contains(Fixture.UrlOf("edge/scripts/hello world.sh"), bundle.Files.Keys);
            Assert.Contains("https://artifacts.example.com/scripts/install.sh", bundle.Files.Keys);
        }
    }
}
