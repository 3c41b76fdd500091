using System.Linq;
using Heat.Client.Graphs;
using Heat.Client.Models;
using Xunit;

namespace Heat.Client.Tests.Graphs
{
    /// <summary>The graph of a deployed stack from its resources' required_by, nested stacks as clusters.</summary>
    public class ResourceGraphBuilderTests
    {
        private const string Top = "s-top";
        private const string Group = "s-group";
        private const string Member0 = "s-member0";

        /// <summary>What Heat lists for resource-group.yaml's shape with nested_depth=2 (trimmed): the order is Heat's, not ours.</summary>
        private static HeatResource[] Deployed() => new[]
        {
            Resource("after_group", "OS::Heat::None", "web", Top),
            Resource("0", "member.yaml", "web-member_group-x", Group, nested: Member0),
            Resource("label", "OS::Heat::Value", "web-member_group-x-0-y", Member0, status: "CREATE_FAILED"),
            Resource("token", "OS::Heat::RandomString", "web-member_group-x-0-y", Member0, requiredBy: "label"),
            Resource("member_group", "OS::Heat::ResourceGroup", "web", Top, nested: Group),
            Resource("seed", "OS::Heat::RandomString", "web", Top, requiredBy: new[] { "member_group", "summary", "gone" }),
            Resource("summary", "OS::Heat::Value", "web", Top, requiredBy: "after_group"),
        };

        [Fact]
        public void RequiredBy_IsAnEdgeFromTheRequiredToTheDependent_WithinItsOwnStack()
        {
            var graph = ResourceGraphBuilder.Build("web", Top, Deployed());

            Assert.Equal(new[]
            {
                "member_group/0/token -> member_group/0/label",
                "seed -> member_group",
                "seed -> summary",
                "summary -> after_group",
            }, GraphFixture.EdgesOf(graph));
            Assert.All(graph.Edges, e => Assert.Equal(new[] { "required_by" }, e.Via));
        }

        [Fact]
        public void NestedStacks_AreClustersNamedByTheirPath_NodesCarryTypeStatusAndTheirStack()
        {
            var graph = ResourceGraphBuilder.Build("web", Top, Deployed());

            Assert.Equal(new[] { "after_group", "member_group", "member_group/0", "member_group/0/label", "member_group/0/token", "seed", "summary" },
                graph.Nodes.Select(n => n.Id));
            Assert.Equal(new[] { "member_group:1:s-group:", "member_group/0:2:s-member0:member_group" },
                graph.Clusters.Select(c => $"{c.Id}:{c.Depth}:{c.StackId}:{c.ParentId}"));
            var label = graph.Node("member_group/0/label");
            Assert.True(label.IsFailed);
            Assert.Equal("member_group/0", label.ClusterId);
            Assert.Equal(("web-member_group-x-0-y", Member0), (label.StackName, label.StackId));
            Assert.Equal(new[] { "member_group/0/label" }, graph.FailedNodes.Select(n => n.Id));
            Assert.Equal(("web", "web", Top), (graph.Name, graph.StackName, graph.StackId));
        }

        [Fact]
        public void NestedStackNotListed_LeavesItsResourceAPlainNode()
        {
            // nested_depth=0: Heat lists the group, not its members.
            var graph = ResourceGraphBuilder.Build("web", Top, Deployed().Where(r => r.StackId == Top));

            Assert.Empty(graph.Clusters);
            Assert.Null(graph.Node("member_group").ClusterId);
        }

        private static HeatResource Resource(string name, string type, string stackName, string stackId, string status = "CREATE_COMPLETE",
            string nested = null, params string[] requiredBy) => new HeatResource
        {
            ResourceName = name,
            ResourceType = type,
            ResourceStatus = status,
            StackName = stackName,
            StackId = stackId,
            NestedStackId = nested,
            RequiredBy = requiredBy,
        };

        private static HeatResource Resource(string name, string type, string stackName, string stackId, string requiredBy) =>
            Resource(name, type, stackName, stackId, "CREATE_COMPLETE", null, requiredBy);
    }
}
