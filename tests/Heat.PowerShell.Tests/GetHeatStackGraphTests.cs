using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Graphs;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Get-HeatStackGraph as a user runs it: a deployed stack through the fake Heat, a template with no cloud.</summary>
    public class GetHeatStackGraphTests
    {
        /// <summary>web (s1): seed is required by group and summary; group's nested stack (s2) has a failed member.</summary>
        internal static FakeHeat WebStack() => new FakeHeat()
            .ListsStacks(HeatFixtures.Stack("web", "s1"))
            .ListsResources("web", "s1",
                HeatFixtures.Resource("seed", "OS::Heat::RandomString", "web", "s1").With("required_by", new JArray("group", "summary")),
                HeatFixtures.Resource("group", "OS::Heat::ResourceGroup", "web", "s1", "web-group-x", "s2"),
                HeatFixtures.Resource("summary", "OS::Heat::Value", "web", "s1"),
                HeatFixtures.Resource("0", "OS::Heat::RandomString", "web-group-x", "s2").With("resource_status", "CREATE_FAILED"),
                HeatFixtures.Resource("1", "OS::Heat::RandomString", "web-group-x", "s2"));

        internal static string Example(string relative)
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PSHeat.sln"))) return Path.Combine(folder.FullName, "examples", "templates", relative);
            }
            throw new InvalidOperationException("PSHeat.sln not found above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void DeployedStack_EdgesFromRequiredBy_NestedStackAsACluster_AskedWithTheDepthGiven()
        {
            var heat = WebStack();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackGraph web -NestedDepth 2 -Session $session");

            Assert.Empty(result.Errors);
            var graph = result.Objects<HeatGraph>().Single();
            Assert.Equal(new[] { "seed -> group", "seed -> summary" }, graph.Edges.Select(e => e.ToString()));
            Assert.Equal(new[] { "group", "group/0", "group/1", "seed", "summary" }, graph.Nodes.Select(n => n.Id));
            Assert.Equal("web-group-x", graph.Clusters.Single().StackName);
            Assert.Equal(new[] { "group/0" }, graph.FailedNodes.Select(n => n.Id));
            Assert.Equal(("web", "s1"), (graph.StackName, graph.StackId));
            Assert.Contains("GET stacks/web/s1/resources?nested_depth=2", heat.Log);
        }

        [Fact]
        public void MermaidAndDot_AreTextToPaste_WithTheFailedMemberInRed()
        {
            using var host = new PowerShellHost(WebStack());

            var mermaid = host.Run("Get-HeatStackGraph web -NestedDepth 1 -Format Mermaid -Session $session").Objects<string>().Single();
            var dot = host.Run("Get-HeatStackGraph web -NestedDepth 1 -Format Dot -Session $session").Objects<string>().Single();

            Assert.StartsWith("flowchart LR\n", mermaid);
            Assert.Contains("  n3 --> n0\n", mermaid); // seed --> group
            Assert.Contains("  n3 --> n4\n", mermaid); // seed --> summary
            Assert.Contains("  n0 -.- c0\n", mermaid);
            Assert.Contains("  class n1 failed\n", mermaid);
            Assert.StartsWith("digraph heat {\n", dot);
            Assert.Contains("  n3 -> n0\n", dot);
            Assert.Contains("n1 [label=<0<BR/><FONT POINT-SIZE=\"8\">OS::Heat::RandomString</FONT><BR/><FONT POINT-SIZE=\"8\">CREATE_FAILED</FONT>> style=\"rounded,filled\" fillcolor=\"#f8d0d0\"", dot);
        }

        [Fact]
        public void AStackByIdAlone_IsDrawn_AndNoStackNamed_IsAnError_NotAPrompt()
        {
            var heat = WebStack().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            using var host = new PowerShellHost(heat);

            var byId = host.Run("Get-HeatStackGraph -StackId s1 -Session $session");
            var none = host.Run("Get-HeatStackGraph -Session $session");

            Assert.Empty(byId.Errors);
            Assert.Equal("web", byId.Objects<HeatGraph>().Single().StackName);
            Assert.StartsWith("HeatStackNotNamed,", Assert.Single(none.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void PipedStacks_OneGraphEach_AMissingOneIsAnErrorAndTheRestGoOn()
        {
            var heat = WebStack().MissingStack("gone");
            using var host = new PowerShellHost(heat);

            var piped = host.Run("Get-HeatStack -Session $session | Get-HeatStackGraph -Session $session");
            var named = host.Run("Get-HeatStackGraph gone, web -Session $session");

            Assert.Equal("web", piped.Objects<HeatGraph>().Single().StackName);
            Assert.Equal("web", named.Objects<HeatGraph>().Single().StackName);
            var error = Assert.Single(named.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStackGraph", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
        }

        [Fact]
        public void Template_NeedsNoSession_AndFollowsTheEnvironmentIntoChildTemplates()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run($"Get-HeatStackGraph -TemplatePath '{Example("app-tier.yaml")}' -EnvironmentPath '{Example("env/dev.yaml")}'");

            Assert.Empty(result.Errors);
            var graph = result.Objects<HeatGraph>().Single();
            Assert.Equal(new[] { "boot_script -> workers", "workers -> health", "workers/%index%/token -> workers/%index%/marker" },
                graph.Edges.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal));
            Assert.Equal("app-tier.yaml", graph.Name);
            Assert.Null(graph.StackName);
        }

        [Fact]
        public void TemplateText_WithNestedDepth0_DrawsTheTopTemplateOnly_AndWarnsOfWhatItLeftOut()
        {
            using var host = new PowerShellHost(null);
            host.Run($"Set-Location '{Path.GetDirectoryName(Example("app-tier.yaml"))}'");

            var result = host.Run("Get-HeatStackGraph -Template (Get-Content -Raw app-tier.yaml) -EnvironmentPath env/dev.yaml -NestedDepth 0 -WarningVariable w; $w");

            Assert.Equal(4, result.Objects<HeatGraph>().Single().Nodes.Count);
            Assert.Contains(result.Output.Select(o => o.BaseObject).OfType<WarningRecord>(), w => w.Message.Contains("more than 0 level"));
        }

        [Fact]
        public void TemplateUrl_WithoutASession_IsAnErrorSayingToConnect_NotAnEmptyGraph()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run("Get-HeatStackGraph -TemplateUrl http://templates.test/app.yaml");

            Assert.Empty(result.Objects<HeatGraph>());
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatTemplateArgumentInvalid,Heat.PowerShell.Cmdlets.GetHeatStackGraph", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-HeatService", error.Exception.Message);
        }

        [Fact]
        public void Syntax_TheStackSetHasNoTemplateParameters_AndTheTemplateSetsNoStack()
        {
            using var host = new PowerShellHost(null);

            var sets = host.Run("(Get-Command Get-HeatStackGraph).ParameterSets | ForEach-Object { $_.Name + ':' + (($_.Parameters.Name | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters }) -join ',') }")
                .Objects<string>().ToDictionary(s => s.Split(':')[0], s => s.Split(':')[1].Split(','));
            var defaultSet = host.Run("(Get-Command Get-HeatStackGraph).DefaultParameterSet").Objects<string>().Single();

            Assert.Equal(new[] { "Stack", "Template", "TemplatePath", "TemplateUrl" }, sets.Keys.OrderBy(k => k));
            Assert.Equal("Stack", defaultSet);
            Assert.Equal(new[] { "Cloud", "Format", "NestedDepth", "OutFile", "Session", "StackId", "StackName" }, sets["Stack"].OrderBy(p => p));
            Assert.Equal(new[] { "Cloud", "EnvironmentPath", "Format", "NestedDepth", "OutFile", "Session", "TemplatePath" }, sets["TemplatePath"].OrderBy(p => p));
            Assert.Equal(new[] { "Cloud", "EnvironmentPath", "Format", "NestedDepth", "OutFile", "Session", "TemplateUrl" }, sets["TemplateUrl"].OrderBy(p => p));
        }

        [Fact]
        public void TemplateAndStackTogether_AreRefusedByTheBinder()
        {
            using var host = new PowerShellHost(null);

            var result = host.RunExpectingTermination($"Get-HeatStackGraph web -TemplatePath '{Example("app-tier.yaml")}'");

            Assert.Equal("ParameterNotInParameterSet,Heat.PowerShell.Cmdlets.GetHeatStackGraph", result.Terminating.FullyQualifiedErrorId);
        }

        [Fact]
        public void AStackWithoutASession_SaysToConnect()
        {
            using var host = new PowerShellHost(null);

            var result = host.RunExpectingTermination("Get-HeatStackGraph web");

            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStackGraph", result.Terminating.FullyQualifiedErrorId);
        }
    }
}
