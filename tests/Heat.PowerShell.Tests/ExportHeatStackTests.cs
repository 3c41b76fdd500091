using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Export-HeatStack: Heat's export data as text, or to a file that New-HeatStack -AdoptPath reads.</summary>
    public sealed class ExportHeatStackTests : IDisposable
    {
        /// <summary>What Heat 19 exports: the stack's template, environment, files and each resource's data.</summary>
        private static readonly JObject Exported = JObject.Parse(@"{
            ""name"": ""web"", ""id"": ""1"", ""action"": ""CREATE"", ""status"": ""COMPLETE"",
            ""template"": {""heat_template_version"": ""2018-08-31"", ""resources"": {""pass"": {""type"": ""OS::Heat::RandomString""}}},
            ""environment"": {""parameters"": {}, ""parameter_defaults"": {}, ""resource_registry"": {""resources"": {}}},
            ""files"": {},
            ""resources"": {""pass"": {""name"": ""pass"", ""type"": ""OS::Heat::RandomString"", ""resource_id"": ""web-pass-x1"",
                ""action"": ""CREATE"", ""status"": ""COMPLETE"", ""resource_data"": {""value"": ""q8TnBz""}, ""metadata"": {}}},
            ""project_id"": ""6f3a0c9e1b2d4e5f8a7b6c5d4e3f2a1b"", ""stack_user_project_id"": ""2d0bd4b6c4b34b9c8a8e1f0d6b1c4e7a"", ""tags"": null}");

        private static readonly string ExportedText = Exported.ToString(Newtonsoft.Json.Formatting.Indented);

        private readonly string _folder = Directory.CreateTempSubdirectory("heat-export-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string InFolder(string name) => Path.Combine(_folder, name);

        private static FakeHeat Heat()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).MissingStack("gone");
            heat.On(HttpMethod.Get, "stacks/web/1/export").Json(HttpStatusCode.OK, Exported);
            return heat;
        }

        [Fact]
        public void WithoutPath_WritesTheExportDataAsJsonText()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Export-HeatStack web -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(ExportedText, Assert.Single(result.Objects<string>()));
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/export" }, heat.Log);
            Assert.Empty(Directory.GetFileSystemEntries(_folder));
        }

        [Fact]
        public void WithPath_WritesTheFile_RelativeToTheCurrentLocation_AndItsFileInfo()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run($"Set-Location '{_folder}'; Export-HeatStack web web.export.json -Session $session");

            Assert.Empty(result.Errors);
            var written = Assert.Single(result.Objects<FileInfo>());
            Assert.Equal(InFolder("web.export.json"), written.FullName);
            Assert.Equal(ExportedText, File.ReadAllText(written.FullName));
            // UTF-8 without a byte order mark: the adopt reads it as JSON, and other tools too.
            Assert.Equal((byte)'{', File.ReadAllBytes(written.FullName)[0]);
            Assert.Empty(result.Objects<string>());
        }

        [Fact]
        public void WhatIf_WritesNoFile_AndSaysWhatItWouldWrite()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run($"Export-HeatStack web -Path '{InFolder("web.json")}' -WhatIf -Session $session");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.False(File.Exists(InFolder("web.json")));
            var line = Assert.Single(result.HostLines);
            Assert.Equal($"What if: Performing the operation \"Export Heat stack web\" on target \"{InFolder("web.json")}\".", line);
        }

        [Fact]
        public void AnExistingFile_IsKept_AndAnError_UnlessForce()
        {
            File.WriteAllText(InFolder("web.json"), "yesterday's export");
            using var host = new PowerShellHost(Heat());

            var refused = host.Run($"Export-HeatStack web -Path '{InFolder("web.json")}' -Session $session");
            var keptBefore = File.ReadAllText(InFolder("web.json"));
            var replaced = host.Run($"Export-HeatStack web -Path '{InFolder("web.json")}' -Force -Session $session");

            var error = Assert.Single(refused.Errors);
            Assert.Equal("web", error.TargetObject);
            Assert.Contains("exists; use -Force to replace it", error.Exception.Message);
            Assert.Empty(refused.Output);
            Assert.Equal("yesterday's export", keptBefore);
            Assert.Empty(replaced.Errors);
            Assert.Equal(ExportedText, File.ReadAllText(InFolder("web.json")));
        }

        [Fact]
        public void ACloudThatRefusesExport_GivesHeatsReason_AndWritesNoFile()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1"));
            heat.On(HttpMethod.Get, "stacks/web/1/export").Error(HttpStatusCode.Forbidden, "You are not authorized to complete stacks:export.", "Forbidden");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Export-HeatStack web -Path '{InFolder("web.json")}' -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatAccessDenied,Heat.PowerShell.Cmdlets.ExportHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("stacks:export", error.Exception.Message);
            Assert.Empty(Directory.GetFileSystemEntries(_folder));
        }

        [Fact]
        public void AMissingStack_IsAnError_AndThePipelineGoesOn()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("'gone', 'web' | Export-HeatStack -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.ExportHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal(ExportedText, Assert.Single(result.Objects<string>()));
        }

        [Fact]
        public void TheFile_IsWhatNewHeatStackAdoptPathSends()
        {
            var heat = Heat().CreatesStack("web-copy", "2");
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Export-HeatStack web -Path '{InFolder("web.json")}' -Session $session | " +
                                  "ForEach-Object { New-HeatStack web-copy -AdoptPath $_.FullName -Session $session }");

            Assert.Empty(result.Errors);
            var sent = heat.Sent(HttpMethod.Post).Single().Json;
            Assert.Equal("web-copy", (string)sent["stack_name"]);
            Assert.True(JToken.DeepEquals(Exported, JObject.Parse((string)sent["adopt_stack_data"])));
        }
    }
}
