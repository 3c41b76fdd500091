using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class RemoveHeatStackTests
    {
        [Fact]
        public void OneMissingInThePipeline_GivesOneError_AndTheRestAreDeleted()
        {
            var heat = new FakeHeat()
                .ShowsStack(HeatFixtures.StackDetail("a", "1")).MissingStack("missing").ShowsStack(HeatFixtures.StackDetail("b", "2"))
                .DeletesStack("a", "1").DeletesStack("b", "2");
            using var host = new PowerShellHost(heat);

            var result = host.Run("'a', 'missing', 'b' | Remove-HeatStack -Force -Session $session");

            Assert.Empty(result.Output);
            // Deletions run concurrently: the order they reach Heat in is not the pipeline's.
            Assert.Equal(new[] { "DELETE stacks/a/1", "DELETE stacks/b/2" }, heat.Log.Where(l => l.StartsWith("DELETE")).OrderBy(l => l));
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("missing", error.TargetObject);
        }

        [Fact]
        public void PipedStacks_AreDeletedByIdWithoutALookup()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("ci-1", "1"), HeatFixtures.Stack("ci-2", "2"), HeatFixtures.Stack("keep", "3"))
                .ShowsStack(HeatFixtures.StackDetail("ci-1", "1")).ShowsStack(HeatFixtures.StackDetail("ci-2", "2"))
                .DeletesStack("ci-1", "1").DeletesStack("ci-2", "2").DeletesStack("keep", "3");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack ci-* -Session $session | Remove-HeatStack -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "ci-1", "ci-2" }, result.Objects<HeatStack>().Select(s => s.StackName));
            Assert.All(result.Objects<HeatStack>(), s => Assert.Equal("DELETE_IN_PROGRESS", s.StackStatus));
            // The deletions run concurrently: they may reach Heat in either order, and need no lookup of a name (each
            // stack is read by name and id, for its protection tag).
            Assert.Equal("GET stacks?limit=100", heat.Log.First());
            Assert.Equal(new[] { "DELETE stacks/ci-1/1", "DELETE stacks/ci-2/2", "GET stacks/ci-1/1?resolve_outputs=False", "GET stacks/ci-2/2?resolve_outputs=False" },
                heat.Log.Skip(1).OrderBy(l => l, System.StringComparer.Ordinal));
        }

        [Fact]
        public void WhatIf_DeletesNothing_EvenWithForce()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("ci-1", "1"), HeatFixtures.Stack("ci-2", "2")).DeletesStack("ci-1", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -WhatIf -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal(new[]
            {
                "What if: Performing the operation \"Remove Heat stack\" on target \"ci-1 (1)\".",
                "What if: Performing the operation \"Remove Heat stack\" on target \"ci-2 (2)\".",
            }, result.HostLines);
            Assert.Equal(new[] { "GET stacks?limit=100" }, heat.Log);
        }

        [Fact]
        public void WhatIf_ByName_NamesTheStackAsGiven_AndLooksNothingUp()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).DeletesStack("web", "1");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStack web -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "What if: Performing the operation \"Remove Heat stack\" on target \"web\"." }, result.HostLines);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndNoKeepsTheStack()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).DeletesStack("web", "1");
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("No");

            var result = host.Run("Remove-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            var prompt = Assert.Single(host.Host.Prompts);
            Assert.Contains("Performing the operation \"Remove Heat stack\" on target \"web\".", prompt);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void WithoutForce_AsksFirst_AndYesDeletes()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).DeletesStack("web", "1");
            using var host = new PowerShellHost(heat);
            host.Host.AnswerNextChoice("Yes");

            var result = host.Run("Remove-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Single(host.Host.Prompts);
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1?resolve_outputs=False", "DELETE stacks/web/1" }, heat.Log);
        }

        [Fact]
        public void Wait_WaitsForEveryStack_AndReportsOneThatFailed()
        {
            var heat = new FakeHeat()
                .ListsStacks(HeatFixtures.Stack("a", "1"), HeatFixtures.Stack("b", "2"))
                .DeletesStack("a", "1").DeletesStack("b", "2");
            // a is there when read before its delete, then gone.
            heat.On(HttpMethod.Get, "stacks/a/1").Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("a", "1") })
                .Error(HttpStatusCode.NotFound, "The Stack (a) could not be found.", "EntityNotFound");
            heat.MissingStack("a", "1")
                .ShowsStack(HeatFixtures.StackDetail("b", "2", "DELETE_FAILED").With("stack_status_reason", "Resource DELETE failed: boom"));
            // b failed to delete before; the wait must not take that old failure for the new attempt's result, but the
            // new attempt's own DELETE_FAILED event after the marker.
            heat.On(HttpMethod.Get, "stacks/b/2/events?sort_dir=desc&limit=1")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events", HeatFixtures.Event("e1", "b", "DELETE_FAILED", "b", "2", physicalId: "2")));
            heat.On(HttpMethod.Get, "stacks/b/2/events")
                .Json(HttpStatusCode.OK, HeatFixtures.List("events",
                    HeatFixtures.Event("e2", "b", "DELETE_IN_PROGRESS", "b", "2", physicalId: "2"),
                    HeatFixtures.Event("e3", "b", "DELETE_FAILED", "b", "2", physicalId: "2")));
            heat.ListsResources("b", "2");
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -Force -Wait -PassThru -Session $session");

            Assert.Equal("a", result.Objects<HeatStack>().Single().StackName);
            Assert.Equal("DELETE_COMPLETE", result.Objects<HeatStack>().Single().StackStatus);
            // The status and its reason go together: not DELETE_COMPLETE with the reason of an earlier state.
            Assert.Equal("Heat no longer has this stack.", result.Objects<HeatStack>().Single().StackStatusReason);
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackFailed,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("DELETE_FAILED", error.Exception.Message);
            Assert.Contains("boom", error.Exception.Message);
            Assert.Contains("GET stacks/b/2/events?sort_dir=asc&limit=100&marker=e1", heat.Log);
        }

        /// <summary>Abandon data as Heat answers it: the only record of the resources it let go, hidden values and all.</summary>
        private const string AbandonData = "{\"name\": \"web\", \"id\": \"1\", \"resources\": {}, \"environment\": {\"parameters\": {\"db_password\": \"hunter2\"}}}";

        /// <summary>A folder two levels inside a fresh root, so that a name climbing out of it still lands inside the root.</summary>
        private sealed class AbandonFolder : IDisposable
        {
            public AbandonFolder()
            {
                Root = Directory.CreateTempSubdirectory("heat-abandon-").FullName;
                Path = Directory.CreateDirectory(System.IO.Path.Combine(Root, "a", "b")).FullName;
            }

            public string Root { get; }

            public string Path { get; }

            public string File(string name) => System.IO.Path.Combine(Path, name);

            /// <summary>Every file under the root, relative to it.</summary>
            public string[] Files() => Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(Root, f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

            public void Dispose() => Directory.Delete(Root, recursive: true);
        }

        /// <summary>A Heat that shows web as stack 1 and abandons it with <paramref name="data"/>.</summary>
        private static FakeHeat Abandons(string data = AbandonData)
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            heat.On(HttpMethod.Delete, "stacks/web/1/abandon").Text(HttpStatusCode.OK, "application/json", data);
            return heat;
        }

        private static bool AbandonSent(FakeHeat heat) => heat.Log.Any(l => l.StartsWith("DELETE", StringComparison.Ordinal));

        [Fact]
        public void Abandon_NamesTheFileAfterTheStackAsGiven_NotAfterHeatsRedirect()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web").Redirect(heat.Endpoint + "/stacks/..%2F..%2Fpwned/1");
            heat.On(HttpMethod.Get, "stacks/..%2F..%2Fpwned/1").Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("../../pwned", "1") });
            heat.On(HttpMethod.Delete, "stacks/..%2F..%2Fpwned/1/abandon").Text(HttpStatusCode.OK, "application/json", AbandonData);
            using var folder = new AbandonFolder();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { Path.Combine("a", "b", "web.json") }, folder.Files());
            Assert.Equal(folder.File("web.json"), result.Objects<FileInfo>().Single().FullName);
            Assert.Equal(AbandonData, File.ReadAllText(folder.File("web.json")));
        }

        [Fact]
        public void Abandon_AStackNameThatIsAPath_IsRefused_BeforeHeatIsAsked()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("../../pwned", "1"));
            heat.On(HttpMethod.Delete, "stacks/..%2F..%2Fpwned/1/abandon").Text(HttpStatusCode.OK, "application/json", AbandonData);
            using var folder = new AbandonFolder();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Get-HeatStack -Session $session | Remove-HeatStack -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackArgumentInvalid,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("nothing was abandoned", error.Exception.Message);
            Assert.False(AbandonSent(heat));
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void Abandon_AFileAlreadyThere_IsAnError_AndNothingIsAbandoned_UnlessOverwrite()
        {
            var heat = Abandons();
            using var folder = new AbandonFolder();
            File.WriteAllText(folder.File("web.json"), "yesterday's abandon");
            using var host = new PowerShellHost(heat);

            var refused = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");
            var sentBefore = AbandonSent(heat);
            var replaced = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Overwrite -Force -Session $session");

            var error = Assert.Single(refused.Errors);
            Assert.Contains("already exists: nothing was abandoned", error.Exception.Message);
            Assert.False(sentBefore);
            Assert.Empty(replaced.Errors);
            Assert.Equal(AbandonData, File.ReadAllText(folder.File("web.json")));
            Assert.Equal(new[] { Path.Combine("a", "b", "web.json") }, folder.Files());
        }

        [Fact]
        public void Abandon_ALinkPlantedInTheFolder_IsNeverWrittenThrough()
        {
            var heat = Abandons();
            using var folder = new AbandonFolder();
            var precious = Path.Combine(folder.Root, "precious.txt");
            File.WriteAllText(precious, "precious");
            File.CreateSymbolicLink(folder.File("web.json"), precious);
            using var host = new PowerShellHost(heat);

            var refused = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");
            var sentBefore = AbandonSent(heat);
            var replaced = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Overwrite -Force -Session $session");

            Assert.Contains("already exists", Assert.Single(refused.Errors).Exception.Message);
            Assert.False(sentBefore);
            Assert.Empty(replaced.Errors);
            Assert.Equal("precious", File.ReadAllText(precious));
            Assert.Null(new FileInfo(folder.File("web.json")).LinkTarget);
            Assert.Equal(AbandonData, File.ReadAllText(folder.File("web.json")));
        }

        [Fact]
        public void Abandon_AFolderWithTheFilesName_IsAnError_BeforeHeatIsAsked()
        {
            var heat = Abandons();
            using var folder = new AbandonFolder();
            Directory.CreateDirectory(folder.File("web.json"));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");

            Assert.Contains("already exists: nothing was abandoned", Assert.Single(result.Errors).Exception.Message);
            Assert.False(AbandonSent(heat));
        }

        [Fact]
        public void Abandon_AWriteThatFailsAfterHeatAnswered_KeepsTheData_AndSaysWhere()
        {
            // With -Overwrite the data is written beside the target first; a folder in the target's place makes the last
            // step fail after Heat has let the stack go.
            var heat = Abandons();
            using var folder = new AbandonFolder();
            Directory.CreateDirectory(folder.File("web.json"));
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Overwrite -Force -Session $session");

            Assert.True(AbandonSent(heat));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatAbandonDataNotSaved,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            var rescued = ((AbandonDataNotSavedException)error.Exception).RescuedPath;
            Assert.Contains(rescued, error.Exception.Message);
            Assert.Equal(AbandonData, File.ReadAllText(rescued));
            Assert.DoesNotContain("hunter2", error.Exception.Message);
        }

        [Fact]
        public void Abandon_DataDeeperThanJsonNetsDefault_IsWrittenAsHeatSentIt()
        {
            var deep = "{\"name\": \"web\", \"id\": \"1\", \"template\": {\"x\": " + new string('[', 100) + new string(']', 100) + "}}";
            var heat = Abandons(deep);
            using var folder = new AbandonFolder();
            using var host = new PowerShellHost(heat);

            var toFile = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");
            var asText = host.Run("Remove-HeatStack web -Abandon -Force -Session $session");

            Assert.Empty(toFile.Errors);
            Assert.Equal(deep, File.ReadAllText(folder.File("web.json")));
            Assert.Empty(asText.Errors);
            Assert.Equal(deep, asText.Objects<string>().Single());
        }

        [Fact]
        public void Abandon_TheFileIsReadableByItsOwnerOnly()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            var heat = Abandons();
            using var folder = new AbandonFolder();
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Remove-HeatStack web -Abandon -AbandonPath '{folder.Path}' -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("web.json")));
        }
    }
}
