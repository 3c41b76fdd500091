using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Get-HeatStackGraph -OutFile: the extension picks what is written; SVG, PNG and PDF are drawn by Graphviz's dot.
    /// These tests change the process's PATH (to hide dot); xunit runs the tests of one class one at a time.
    /// </summary>
    public class GetHeatStackGraphFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "heat-graph-" + Guid.NewGuid().ToString("N"));

        public GetHeatStackGraphFileTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Svg_IsDrawnByDot_OneBoxPerResource_AndTheFileIsWritten()
        {
            var heat = GetHeatStackGraphTests.WebStack();
            using var host = new PowerShellHost(heat);
            var svg = Path.Combine(_folder, "web.svg");

            var result = host.Run($"Get-HeatStackGraph web -NestedDepth 1 -OutFile '{svg}' -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(svg, result.Objects<FileInfo>().Single().FullName);
            var drawing = XDocument.Load(svg);
            Assert.Equal(5, drawing.Descendants().Count(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "node"));
            Assert.Equal(1, drawing.Descendants().Count(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "cluster"));
        }

        [Fact]
        public void TextFormats_FollowTheExtension_MarkdownIsFencedForGitHubAndAzureDevOps()
        {
            using var host = new PowerShellHost(null);
            var template = GetHeatStackGraphTests.Example("app-tier.yaml");

            host.Run($"'mmd', 'md', 'dot', 'gv' | ForEach-Object {{ Get-HeatStackGraph -TemplatePath '{template}' -OutFile (Join-Path '{_folder}' \"app.$_\") }}");

            Assert.StartsWith("flowchart LR\n", File.ReadAllText(Path.Combine(_folder, "app.mmd")));
            var markdown = File.ReadAllText(Path.Combine(_folder, "app.md"));
            Assert.StartsWith("```mermaid\nflowchart LR\n", markdown);
            Assert.EndsWith("\n```\n", markdown);
            Assert.StartsWith("digraph heat {\n", File.ReadAllText(Path.Combine(_folder, "app.dot")));
            Assert.Equal(File.ReadAllText(Path.Combine(_folder, "app.dot")), File.ReadAllText(Path.Combine(_folder, "app.gv")));
        }

        [Fact]
        public void NoDotOnPath_IsOneTerminatingErrorNamingTheTool_BeforeHeatIsAsked()
        {
            var heat = GetHeatStackGraphTests.WebStack();
            using var host = new PowerShellHost(heat);
            var path = Environment.GetEnvironmentVariable("PATH");
            PowerShellHost.Result result;
            try
            {
                Environment.SetEnvironmentVariable("PATH", _folder);
                result = host.RunExpectingTermination($"Get-HeatStackGraph web -OutFile '{Path.Combine(_folder, "web.png")}' -Session $session");
            }
            finally
            {
                Environment.SetEnvironmentVariable("PATH", path);
            }

            Assert.Equal("HeatGraphvizNotFound,Heat.PowerShell.Cmdlets.GetHeatStackGraph", result.Terminating.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Terminating.CategoryInfo.Category);
            Assert.Contains("'dot'", result.Terminating.Exception.Message);
            Assert.Contains("Graphviz", result.Terminating.Exception.Message);
            Assert.EndsWith("For the text instead: -Format Dot or Mermaid, or -OutFile graph.dot or graph.mmd.", result.Terminating.ToString());
            Assert.Empty(heat.Log);
            Assert.False(File.Exists(Path.Combine(_folder, "web.png")));
        }

        [Fact]
        public void AnUnknownExtension_OrFormatWithOutFile_IsRefusedBeforeHeatIsAsked()
        {
            var heat = GetHeatStackGraphTests.WebStack();
            using var host = new PowerShellHost(heat);

            var extension = host.RunExpectingTermination($"Get-HeatStackGraph web -OutFile '{Path.Combine(_folder, "web.jpg")}' -Session $session");
            var both = host.RunExpectingTermination($"Get-HeatStackGraph web -Format Dot -OutFile '{Path.Combine(_folder, "web.dot")}' -Session $session");

            Assert.Equal("HeatGraphArgumentInvalid,Heat.PowerShell.Cmdlets.GetHeatStackGraph", extension.Terminating.FullyQualifiedErrorId);
            Assert.Contains(".svg", extension.Terminating.Exception.Message);
            Assert.Equal("HeatGraphArgumentInvalid,Heat.PowerShell.Cmdlets.GetHeatStackGraph", both.Terminating.FullyQualifiedErrorId);
            Assert.Empty(heat.Log);
        }

        [Fact]
        public void TwoGraphsForOneFile_TheSecondIsAnError_TheFirstIsKept()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("web", "s1"), HeatFixtures.Stack("web2", "s9"))
                .ListsResources("web", "s1", HeatFixtures.Resource("seed", "OS::Heat::RandomString", "web", "s1"))
                .ListsResources("web2", "s9", HeatFixtures.Resource("other", "OS::Heat::None", "web2", "s9"));
            using var host = new PowerShellHost(heat);
            var file = Path.Combine(_folder, "one.dot");

            var result = host.Run($"Get-HeatStackGraph web* -OutFile '{file}' -Session $session");

            Assert.Single(result.Objects<FileInfo>());
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatGraphOutFileReused,Heat.PowerShell.Cmdlets.GetHeatStackGraph", error.FullyQualifiedErrorId);
            Assert.Contains("seed", File.ReadAllText(file));
        }
    }
}
