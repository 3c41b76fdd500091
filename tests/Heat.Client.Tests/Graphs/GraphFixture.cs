using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Graphs;
using Heat.Client.Templates;

namespace Heat.Client.Tests.Graphs
{
    /// <summary>The graph fixtures, the repository's examples, and edges as text a failure message can show.</summary>
    internal static class GraphFixture
    {
        public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "graphs");

        /// <summary>The repository (the folder holding PSHeat.sln), for the templates in examples/.</summary>
        public static string RepositoryRoot
        {
            get
            {
                for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
                {
                    if (File.Exists(Path.Combine(folder.FullName, "PSHeat.sln"))) return folder.FullName;
                }
                throw new InvalidOperationException("PSHeat.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Example(string relative) => Path.Combine(RepositoryRoot, "examples", "templates", relative);

        /// <summary>Loads a template as the cmdlets do (children and registry entries become keys of the files).</summary>
        public static Task<TemplateBundle> LoadAsync(string path, params string[] environments)
        {
            var request = new TemplateRequest { TemplatePath = path };
            foreach (var environment in environments) request.EnvironmentPaths.Add(environment);
            return TemplateLoader.LoadAsync(request, (uri, _) => throw new InvalidOperationException("unexpected fetch of " + uri), CancellationToken.None);
        }

        /// <summary>"from -> to", sorted: the edges as a set.</summary>
        public static string[] EdgesOf(HeatGraph graph) =>
            graph.Edges.Select(e => e.From + " -> " + e.To).OrderBy(e => e, StringComparer.Ordinal).ToArray();
    }
}
