using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Heat.Client.Graphs;
using Heat.Client.Templates;
using Xunit;

namespace Heat.Client.Tests.Graphs
{
    /// <summary>The graph of a template before it is deployed: the dependencies Heat will find, through child templates.</summary>
    public class TemplateGraphBuilderTests
    {
        [Fact]
        public async Task ResourceGroupExample_EdgesAreTheTemplatesDependencies_ThroughTheMembersTemplate()
        {
            var bundle = await GraphFixture.LoadAsync(Path.Combine(GraphFixture.Root, "resource-group.yaml"));

            var graph = TemplateGraphBuilder.Build(bundle);

            Assert.Equal(new[]
            {
                "member_group/%index%/token -> member_group/%index%/label",
                "random_group -> after_group",
                "random_group -> summary",
                "seed -> member_group",
                "seed -> random_group",
                "summary -> after_group",
            }, GraphFixture.EdgesOf(graph));
            Assert.Equal(new[] { "get_resource" }, graph.Edges.Single(e => e.From == "seed" && e.To == "random_group").Via);
            Assert.Equal(new[] { "depends_on" }, graph.Edges.Single(e => e.From == "summary" && e.To == "after_group").Via);
            Assert.Equal(new[] { "seed", "random_group", "summary", "after_group", "member_group" },
                graph.Nodes.Where(n => n.ClusterId == null).Select(n => n.Id));
            // A group is a nested stack with one member standing for all; a member's template is one more level.
            Assert.Equal(new[] { "random_group:1:", "member_group:1:", "member_group/%index%:2:member.yaml" },
                graph.Clusters.Select(c => $"{c.Id}:{c.Depth}:{Path.GetFileName(c.TemplateUrl ?? string.Empty)}"));
            Assert.Equal("OS::Heat::RandomString", graph.Node("random_group/%index%").ResourceType);
            Assert.Equal("member_group/%index%", graph.Node("member_group/%index%/token").ClusterId);
            Assert.Equal("resource-group.yaml", graph.Name);
            Assert.Empty(graph.Warnings);
        }

        [Fact]
        public async Task AppTierExample_FollowsTheEnvironmentsRegistryIntoTheWorkerTemplate()
        {
            var bundle = await GraphFixture.LoadAsync(GraphFixture.Example("app-tier.yaml"), GraphFixture.Example("env/dev.yaml"));

            var graph = TemplateGraphBuilder.Build(bundle);

            Assert.Equal(new[]
            {
                "boot_script -> workers",
                "workers -> health",
                "workers/%index%/token -> workers/%index%/marker",
            }, GraphFixture.EdgesOf(graph));
            Assert.Equal(new[] { "admin_password", "boot_script", "health", "workers", "workers/%index%", "workers/%index%/token", "workers/%index%/marker" },
                graph.Nodes.Select(n => n.Id));
            Assert.Equal("Demo::Worker", graph.Node("workers/%index%").ResourceType);
        }

        [Fact]
        public async Task CloudFormation_DependsOnRefAndGetAtt_ButNotRefsToParametersOrPseudoParameters()
        {
            var bundle = await GraphFixture.LoadAsync(Path.Combine(GraphFixture.Root, "cfn-graph.json"));

            var graph = TemplateGraphBuilder.Build(bundle);

            Assert.Equal(new[]
            {
                "Child/token -> Child/label",
                "Reader -> Waiter",
                "Salted -> Reader",
                "Secret -> Child",
                "Secret -> Last",
                "Secret -> Salted",
                "Waiter -> Last",
            }, GraphFixture.EdgesOf(graph));
            Assert.Equal(new[] { "Ref" }, graph.Edges.Single(e => e.To == "Salted").Via);
            Assert.Equal(new[] { "Fn::GetAtt" }, graph.Edges.Single(e => e.To == "Reader").Via);
            Assert.Equal(new[] { "DependsOn" }, graph.Edges.Single(e => e.From == "Reader" && e.To == "Waiter").Via);
            Assert.EndsWith("member.yaml", graph.Clusters.Single().TemplateUrl);
        }

        [Fact]
        public void OneReferenceMadeTwoWays_IsOneEdgeWithBothReasons_AndUnknownNamesAndSelfReferencesDrawNothing()
        {
            var bundle = Text(@"heat_template_version: 2018-08-31
resources:
  a: {type: OS::Heat::None}
  b:
    type: OS::Heat::None
    depends_on: a
    metadata: {x: {get_attr: [a, show]}, y: {get_resource: nowhere}, z: {get_resource: b}}
    properties: {list: [{str_replace: {template: x, params: {x: {get_resource: a}}}}]}
outputs:
  o: {value: {get_resource: b}}
");

            var graph = TemplateGraphBuilder.Build(bundle);

            Assert.Equal("a -> b", Assert.Single(graph.Edges).ToString());
            Assert.Equal(new[] { "depends_on", "get_attr", "get_resource" }, graph.Edges[0].Via.OrderBy(v => v));
        }

        [Fact]
        public async Task NestedDepth_StopsAtTheLevelAsked_AndSaysSo()
        {
            var bundle = await GraphFixture.LoadAsync(Path.Combine(GraphFixture.Root, "resource-group.yaml"));

            var top = TemplateGraphBuilder.Build(bundle, maxDepth: 0);
            var groups = TemplateGraphBuilder.Build(bundle, maxDepth: 1);

            Assert.Empty(top.Clusters);
            Assert.Equal(5, top.Nodes.Count);
            Assert.Equal(new[] { "random_group", "member_group" }, groups.Clusters.Select(c => c.Id));
            Assert.Null(groups.Node("member_group/%index%/token"));
            Assert.Contains(groups.Warnings, w => w.Contains("more than 1 level"));
        }

        [Fact]
        public void ChildTemplateNotRead_IsANodeWithAWarning_NotAnError()
        {
            // What an offline load leaves of an http(s) child: its URL in the template, no content in the files.
            var bundle = TemplateLoader.CheckLocal(new TemplateRequest
            {
                TemplateText = "heat_template_version: 2018-08-31\nresources:\n  remote: {type: 'https://templates.example.com/child.yaml'}\n",
                BaseDirectory = GraphFixture.Root,
            });

            var graph = TemplateGraphBuilder.Build(bundle);

            Assert.Equal("remote", Assert.Single(graph.Nodes).Id);
            Assert.Contains(graph.Warnings, w => w.Contains("https://templates.example.com/child.yaml") && w.Contains("not read"));
        }

        private static TemplateBundle Text(string template) =>
            TemplateLoader.CheckLocal(new TemplateRequest { TemplateText = template, BaseDirectory = GraphFixture.Root });
    }
}
