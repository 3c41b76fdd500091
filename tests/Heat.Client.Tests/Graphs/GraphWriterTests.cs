using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Heat.Client.Graphs;
using Heat.Client.Models;
using Xunit;

namespace Heat.Client.Tests.Graphs
{
    /// <summary>Mermaid and Dot text: what a user pastes into Markdown or feeds to Graphviz, and that a hostile name stays a name.</summary>
    public class GraphWriterTests
    {
        /// <summary>A small deployed stack: a group with one member, a dependency, a failed and a running resource.</summary>
        private static HeatGraph Small() => ResourceGraphBuilder.Build("web", "s1", new[]
        {
            new HeatResource { ResourceName = "seed", ResourceType = "OS::Heat::RandomString", ResourceStatus = "CREATE_COMPLETE", StackId = "s1", RequiredBy = new[] { "group" } },
            new HeatResource { ResourceName = "group", ResourceType = "OS::Heat::ResourceGroup", ResourceStatus = "CREATE_FAILED", StackId = "s1", NestedStackId = "s2" },
            new HeatResource { ResourceName = "0", ResourceType = "file:///srv/templates/member.yaml", ResourceStatus = "CREATE_IN_PROGRESS", StackId = "s2" },
        });

        [Fact]
        public void Mermaid_ArrowsFromRequiredToDependent_NestedStackAsSubgraph_FailedInRed()
        {
            Assert.Equal(
                "flowchart LR\n" +
                "  %% An arrow A --> B means B depends on A: A is created first and deleted last.\n" +
                "  n0[\"group<br>OS::Heat::ResourceGroup<br>CREATE_FAILED\"]\n" +
                "  n2[\"seed<br>OS::Heat::RandomString<br>CREATE_COMPLETE\"]\n" +
                "  subgraph c0 [\"group\"]\n" +
                "    n1[\"0<br>member.yaml<br>CREATE_IN_PROGRESS\"]\n" +
                "  end\n" +
                "  n0 -.- c0\n" +
                "  n2 --> n0\n" +
                "  classDef failed fill:#f8d0d0,stroke:#c00000,stroke-width:2px,color:#000\n" +
                "  class n0 failed\n" +
                "  classDef inprogress fill:#fff2cc,stroke:#bf9000,color:#000\n" +
                "  class n1 inprogress\n",
                Small().ToMermaid());
        }

        [Fact]
        public void Dot_ArrowsFromRequiredToDependent_NestedStackAsCluster_FailedFilledRed()
        {
            Assert.Equal(
                "digraph heat {\n" +
                "  // An arrow A -> B means B depends on A: A is created first and deleted last.\n" +
                "  graph [rankdir=LR compound=true fontname=\"Helvetica\" fontsize=10]\n" +
                "  node [shape=box style=rounded fontname=\"Helvetica\" fontsize=10]\n" +
                "  edge [color=\"#555555\"]\n" +
                "  n0 [label=<group<BR/><FONT POINT-SIZE=\"8\">OS::Heat::ResourceGroup</FONT><BR/><FONT POINT-SIZE=\"8\">CREATE_FAILED</FONT>> style=\"rounded,filled\" fillcolor=\"#f8d0d0\" color=\"#c00000\" penwidth=2]\n" +
                "  n2 [label=<seed<BR/><FONT POINT-SIZE=\"8\">OS::Heat::RandomString</FONT><BR/><FONT POINT-SIZE=\"8\">CREATE_COMPLETE</FONT>>]\n" +
                "  subgraph cluster_c0 {\n" +
                "    label=<group>\n" +
                "    style=dashed color=\"#888888\"\n" +
                "    n1 [label=<0<BR/><FONT POINT-SIZE=\"8\">member.yaml</FONT><BR/><FONT POINT-SIZE=\"8\">CREATE_IN_PROGRESS</FONT>> style=\"rounded,filled\" fillcolor=\"#fff2cc\" color=\"#bf9000\"]\n" +
                "  }\n" +
                "  n0 -> n1 [lhead=cluster_c0 style=dashed arrowhead=none color=\"#999999\"]\n" +
                "  n2 -> n0\n" +
                "}\n",
                Small().ToDot());
        }

        [Fact]
        public async Task HostileNames_StayInsideTheirMermaidLabels_AndReadBackAsWritten()
        {
            var graph = TemplateGraphBuilder.Build(await GraphFixture.LoadAsync(Path.Combine(GraphFixture.Root, "hostile.yaml")));

            var lines = graph.ToMermaid().TrimEnd('\n').Split('\n');

            // Every line is one this writer makes; a label holds only inert characters and entity codes.
            const string label = @"(?:[A-Za-z0-9 _.,:/+=@-]|#[0-9]+;|<br>)*";
            var grammar = new Regex($@"^(flowchart LR|  %% An arrow A --> B means B depends on A: A is created first and deleted last\.|\s+n[0-9]+\[""{label}""\]|\s+subgraph c[0-9]+ \[""{label}""\]|\s+end|  n[0-9]+ -\.- c[0-9]+|  n[0-9]+ --> n[0-9]+|  classDef \w+ [^""\[\]]+|  class n[0-9]+(,n[0-9]+)* \w+)$");
            Assert.All(lines, line => Assert.Matches(grammar, line));
            Assert.Equal(5, lines.Count(l => Regex.IsMatch(l, @"^\s+n[0-9]+\[")));
            Assert.Equal(3, lines.Count(l => Regex.IsMatch(l, @"^  n[0-9]+ --> n[0-9]+$")));
            var firstLabel = Regex.Match(lines[2], "^  n0\\[\"(.*)\"\\]$").Groups[1].Value.Split(new[] { "<br>" }, StringSplitOptions.None);
            Assert.Equal("a\"]; n9 --> n0; click n0 \"javascript:alert(1)\" %%", DecodeMermaid(firstLabel[0]));
            Assert.Equal("x\"] -> evil [label=\"pwned\"]\uFFFD}", DecodeMermaid(firstLabel[1]));
        }

        [Fact]
        public async Task HostileNames_RenderAsTextWithGraphviz_OneBoxEach()
        {
            var graph = TemplateGraphBuilder.Build(await GraphFixture.LoadAsync(Path.Combine(GraphFixture.Root, "hostile.yaml")));

            var svg = await Render(graph.ToDot());

            var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
            Assert.Equal(5, svg.Descendants().Count(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "node"));
            Assert.Equal(3, svg.Descendants().Count(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "edge"));
            Assert.Contains("a\"]; n9 --> n0; click n0 \"javascript:alert(1)\" %%", texts);
            // A newline and a right-to-left override become U+FFFD; backslashes and markup show as typed.
            Assert.Contains("b\\\"\uFFFDnewline\\\\", texts);
            Assert.Contains("c</FONT><B>bold</B>&amp;#quot;#35;\uFFFDevil", texts);
        }

        [Fact]
        public async Task ExampleGraphs_RenderWithGraphviz()
        {
            var appTier = TemplateGraphBuilder.Build(await GraphFixture.LoadAsync(GraphFixture.Example("app-tier.yaml"), GraphFixture.Example("env/dev.yaml")));

            var svg = await Render(appTier.ToDot());

            Assert.Equal(appTier.Nodes.Count, svg.Descendants().Count(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "node"));
            Assert.Equal(appTier.Clusters.Count, svg.Descendants().Count(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "cluster"));
        }

        private static async Task<XDocument> Render(string dot)
        {
            var executable = Graphviz.FindDot() ?? throw new InvalidOperationException("These tests need Graphviz's dot on PATH (apt-get install graphviz).");
            var bytes = await Graphviz.RenderAsync(executable, dot, "svg", TimeSpan.FromSeconds(60), CancellationToken.None);
            using var stream = new MemoryStream(bytes);
            return XDocument.Load(stream);
        }

        private static string DecodeMermaid(string label) =>
            Regex.Replace(label, "#([0-9]+);", m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value)));
    }
}
