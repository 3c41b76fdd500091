using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Tests.Templates
{
    /// <summary>Paths of the template fixtures as copied to the test output folder, and small helpers.</summary>
    internal static class Fixture
    {
        public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "templates");

        public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The file URL of the fixture root, as heatclient forms it (the prefix of every key in files).</summary>
        public static string RootUrl => HeatUrl.PathToFileUrl(Root);

        public static string UrlOf(string relative) => RootUrl + "/" + relative;

        public static Task<TemplateBundle> LoadAsync(string template, params string[] environments)
        {
            var request = new TemplateRequest { TemplatePath = PathOf(template) };
            foreach (var environment in environments)
            {
                request.EnvironmentPaths.Add(PathOf(environment));
            }
            return TemplateLoader.LoadAsync(request, NoNetwork, CancellationToken.None);
        }

        public static readonly Func<Uri, CancellationToken, Task<string>> NoNetwork =
            (uri, _) => throw new InvalidOperationException("unexpected fetch of " + uri);

        /// <summary>What the bundle would put on the wire, with the fixture root replaced by {root} (as in the goldens).</summary>
        public static JObject Portable(TemplateBundle bundle)
        {
            var files = new JObject();
            foreach (var file in bundle.Files)
            {
                files[file.Key] = file.Value;
            }
            var wire = new JObject
            {
                ["template"] = bundle.Template,
                ["files"] = files,
                ["environment"] = bundle.Environment ?? new JObject(),
                ["environment_files"] = new JArray(bundle.EnvironmentFiles),
            };
            return JObject.Parse(wire.ToString().Replace(RootUrl, "{root}"));
        }

        public static string TempDirectory()
        {
            var path = Path.Combine(Path.GetTempPath(), "heat-templates-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
