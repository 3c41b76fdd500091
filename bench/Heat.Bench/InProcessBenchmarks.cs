using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Heat.Client.Http;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Bench
{
    /// <summary>
    /// One page of 100 stacks in Heat's list shape (about 80 KB), read from an in-memory response: the way it was
    /// read before (the body as a string, a JObject tree of the whole page, then each item) against the streaming
    /// reader the listings use now (tokens pulled from the stream, one item at a time).
    /// </summary>
    [MemoryDiagnoser]
    public class PageParsing
    {
        private byte[] _page;

        [Params(100, 1000)]
        public int Items { get; set; }

        [GlobalSetup]
        public void Setup() => _page = Encoding.UTF8.GetBytes(FakePages.Stacks(0, Items, "http://127.0.0.1:1"));

        private HttpContent Content()
        {
            var content = new ByteArrayContent(_page);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
            return content;
        }

        [Benchmark(Baseline = true, Description = "string + JObject tree (before)")]
        public async Task<int> StringAndTree()
        {
            var text = await BodyReader.ReadAsync(Content(), 32L << 20, CancellationToken.None);
            var response = new HeatResponse { StatusCode = HttpStatusCode.OK, Text = text, Json = HeatJson.Parse(text) };
            return HeatApi.ReadList<HeatStack>(response, "stacks").Count;
        }

        [Benchmark(Description = "async token reader, JToken per item (before 2026-11-26)")]
        public async Task<int> AsyncTokens()
        {
            // What the listing did before the body was taken in whole: each token through an await, each item a tree,
            // then a model.
            using var text = new StreamReader(new MemoryStream(_page));
            using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = HeatJson.MaxDepth };
            var count = 0;
            await reader.ReadAsync();
            while (await reader.ReadAsync() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value;
                await reader.ReadAsync();
                if (name != "stacks")
                {
                    await reader.SkipAsync();
                    continue;
                }
                while (await reader.ReadAsync() && reader.TokenType != JsonToken.EndArray)
                {
                    if (HeatJson.ToModel<HeatStack>((JObject)await JToken.ReadFromAsync(reader)) != null) count++;
                }
            }
            return count;
        }

        [Benchmark(Description = "bytes in, then a synchronous reader, item straight to a model (now)")]
        public async Task<int> Streaming()
        {
            var page = (HeatApi.StreamedPage<HeatStack>)await BodyReader.ReadJsonAsync(Content(), 32L << 20,
                reader => HeatApi.ReadPage<HeatStack>(reader, "stacks", Items), CancellationToken.None);
            return page.Items.Count;
        }
    }

    /// <summary>
    /// Template loading: a generated tree of <see cref="Children"/> nested templates (each a file of resources, a
    /// get_file script and a nested type of its own), and the heatclient fixture trees the tests compare byte for
    /// byte with heatclient (ops-repo: a registry environment, nested types, get_file in fragments).
    /// </summary>
    [MemoryDiagnoser]
    public class TemplateLoading
    {
        private string _tree;
        private string _fixtures;

        [Params(50)]
        public int Children { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _tree = Path.Combine(Path.GetTempPath(), "heat-bench-tree-" + Environment.ProcessId);
            Directory.CreateDirectory(Path.Combine(_tree, "lib"));
            Directory.CreateDirectory(Path.Combine(_tree, "scripts"));
            var root = new StringBuilder("heat_template_version: 2018-08-31\ndescription: a large generated tree\nresources:\n");
            for (int i = 0; i < Children; i++)
            {
                root.Append($"  child{i}:\n    type: lib/child{i}.yaml\n    properties: {{index: {i}}}\n");
                var child = new StringBuilder("heat_template_version: 2018-08-31\nparameters:\n  index: {type: number}\nresources:\n");
                for (int r = 0; r < 40; r++)
                {
                    child.Append($"  value{r}:\n    type: OS::Heat::Value\n    properties:\n      value: {{list_join: ['-', ['c{i}', 'r{r}', {{get_param: index}}]]}}\n");
                }
                child.Append($"  boot:\n    type: OS::Heat::SoftwareConfig\n    properties:\n      config: {{get_file: ../scripts/boot{i % 5}.sh}}\n");
                child.Append($"  leaf:\n    type: leaf.yaml\n");
                File.WriteAllText(Path.Combine(_tree, "lib", $"child{i}.yaml"), child.ToString());
            }
            File.WriteAllText(Path.Combine(_tree, "lib", "leaf.yaml"), "heat_template_version: 2018-08-31\nresources:\n  none: {type: OS::Heat::None}\n");
            for (int s = 0; s < 5; s++) File.WriteAllText(Path.Combine(_tree, "scripts", $"boot{s}.sh"), "#!/bin/sh\n" + string.Concat(Enumerable.Repeat("echo configuring the host\n", 200)));
            File.WriteAllText(Path.Combine(_tree, "stack.yaml"), root.ToString());
            _fixtures = FindUp(Path.Combine("tests", "Heat.Client.Tests", "Fixtures", "templates"));
        }

        [GlobalCleanup]
        public void Cleanup() => Directory.Delete(_tree, recursive: true);

        private static string FindUp(string relative)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException(relative);
        }

        private static readonly Func<Uri, CancellationToken, Task<string>> NoNetwork = (uri, _) => throw new InvalidOperationException(uri.ToString());

        [Benchmark(Description = "generated tree: 50 nested templates x 40 resources + get_file")]
        public async Task<int> GeneratedTree()
        {
            var bundle = await TemplateLoader.LoadAsync(new TemplateRequest { TemplatePath = Path.Combine(_tree, "stack.yaml") }, NoNetwork, CancellationToken.None);
            return bundle.Files.Count;
        }

        [Benchmark(Description = "heatclient fixture: ops-repo with 3 environments")]
        public async Task<int> OpsRepo()
        {
            var request = new TemplateRequest { TemplatePath = Path.Combine(_fixtures, "ops-repo", "app", "stack.yaml") };
            foreach (var env in new[] { "registry.yaml", "boot-config.yaml", "prod.yaml" }) request.EnvironmentPaths.Add(Path.Combine(_fixtures, "ops-repo", "env", env));
            var bundle = await TemplateLoader.LoadAsync(request, NoNetwork, CancellationToken.None);
            return bundle.Files.Count;
        }
    }

    /// <summary>Heat's list pages, made up: the shapes of the fake servers of the listing bench.</summary>
    internal static class FakePages
    {
        public static string StackJson(int i, string baseUrl)
        {
            var id = $"{i:00000000}-aaaa-4bbb-8ccc-{i:000000000000}";
            return "{\"id\": \"" + id + "\", \"stack_name\": \"bench-" + i.ToString("00000") + "\", \"description\": \"Generated stack number " + i +
                   " for the listing bench\", \"stack_status\": \"CREATE_COMPLETE\", \"stack_status_reason\": \"Stack CREATE completed successfully\", " +
                   "\"creation_time\": \"2024-05-01T10:00:00Z\", \"updated_time\": null, \"deletion_time\": null, \"stack_owner\": null, \"parent\": null, " +
                   "\"stack_user_project_id\": \"0f1e2d3c4b5a69788796a5b4c3d2e1f0\", \"tags\": [\"bench\", \"tier-" + (i % 3) + "\"], \"project\": \"p1\", " +
                   "\"links\": [{\"href\": \"" + baseUrl + "/v1/p1/stacks/bench-" + i.ToString("00000") + "/" + id + "\", \"rel\": \"self\"}]}";
        }

        public static string Stacks(int from, int count, string baseUrl) =>
            "{\"stacks\": [" + string.Join(", ", Enumerable.Range(from, count).Select(i => StackJson(i, baseUrl))) + "]}";
    }
}
