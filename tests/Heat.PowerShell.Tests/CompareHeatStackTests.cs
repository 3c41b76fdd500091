using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Compare-HeatStack: what an update would change, as rows, through Heat's preview; nothing is changed.</summary>
    public class CompareHeatStackTests
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>web (1) holds a server on cirros whose flavor comes from a parameter, a hidden secret, and old; Heat's
        /// preview answers <paramref name="previewChanges"/> (after any preview route <paramref name="heat"/> has).</summary>
        private static FakeHeat Heat(JObject previewChanges, FakeHeat heat = null)
        {
            heat = (heat ?? new FakeHeat())
                .ShowsStack(HeatFixtures.StackDetail("web", "1")
                    .With("parameters", new JObject { ["flavor"] = "small", ["secret"] = "******", ["OS::stack_name"] = "web" }))
                .MissingStack("gone");
            heat.On(HttpMethod.Get, "stacks/web/1/template").Json(HttpStatusCode.OK, JObject.Parse(@"{
                ""heat_template_version"": ""2018-08-31"",
                ""parameters"": {""flavor"": {""type"": ""string"", ""default"": ""small""}, ""secret"": {""type"": ""string"", ""hidden"": true}},
                ""resources"": {
                    ""server"": {""type"": ""OS::Nova::Server"", ""properties"": {""flavor"": {""get_param"": ""flavor""}, ""image"": ""cirros""}},
                    ""old"": {""type"": ""OS::Heat::None""}}}"));
            var preview = new JObject { ["resource_changes"] = previewChanges };
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, preview);
            heat.On(Patch, "stacks/web/1/preview").Json(HttpStatusCode.OK, preview);
            return heat;
        }

        private static JArray Changed(params string[] nameAndType) =>
            new JArray(Enumerable.Range(0, nameAndType.Length / 2)
                .Select(i => (object)new JObject { ["resource_name"] = nameAndType[2 * i], ["resource_type"] = nameAndType[2 * i + 1], ["stack_name"] = "web" }).ToArray());

        /// <summary>Heat's preview of <see cref="NewTemplate"/>: server replaced (its image), extra added, old deleted.</summary>
        private static JObject TemplateChanges() => new JObject
        {
            ["added"] = Changed("extra", "OS::Heat::None"),
            ["replaced"] = Changed("server", "OS::Nova::Server"),
            ["deleted"] = Changed("old", "OS::Heat::None"),
            ["updated"] = new JArray(),
            ["unchanged"] = new JArray(),
        };

        private const string NewTemplate = @"'heat_template_version: 2018-08-31
parameters:
  flavor: {type: string, default: small}
  secret: {type: string, hidden: true}
resources:
  server: {type: OS::Nova::Server, properties: {flavor: {get_param: flavor}, image: fedora}}
  extra: {type: OS::Heat::None}'";

        /// <summary>Each row as "stack kind change name [property] [before -> after]".</summary>
        private static List<string> Rows(PowerShellHost.Result result) => result.Objects<HeatStackDifference>()
            .Select(d => string.Join(" ", new[] { d.StackName, d.Kind, d.Change, d.Name, d.Property }.Where(p => p != null)) +
                         (d.Before == null && d.After == null ? string.Empty : $" {d.Before} -> {d.After}"))
            .ToList();

        private static IEnumerable<string> Changes(FakeHeat heat) =>
            heat.Requests.Where(r => r.Method != HttpMethod.Get.Method && !r.Route.Contains("/preview")).Select(r => r.ToString());

        [Fact]
        public void AChangedTemplate_GivesARowPerResourceAndPropertyAndParameterThatChanges()
        {
            var heat = Heat(TemplateChanges());
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Compare-HeatStack web -Template {NewTemplate} -Parameter @{{ flavor = 'large' }} -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[]
            {
                "web Resource Added extra",
                "web Resource Replaced server properties.image cirros -> fedora",
                "web Resource Deleted old",
                "web Parameter Changed flavor small -> large",
            }, Rows(result));
            Assert.Equal("OS::Nova::Server", result.Objects<HeatStackDifference>().Single(d => d.Name == "server").ResourceType);
            Assert.Empty(Changes(heat));
            // Whether web exists (else a create is previewed) is the same lookup the comparison goes on with.
            Assert.Single(heat.Log, l => l == "GET stacks/web");
        }

        [Fact]
        public void ThePreview_CarriesTheNewTemplateAndParameters_ToHeatsPreviewRoute()
        {
            var heat = Heat(TemplateChanges());
            using var host = new PowerShellHost(heat);

            host.Run($"Compare-HeatStack web -Template {NewTemplate} -Parameter @{{ flavor = 'large' }} -Session $session");

            var preview = Assert.Single(heat.Sent(HttpMethod.Put));
            Assert.Equal("stacks/web/1/preview", preview.Route);
            Assert.Equal("fedora", (string)preview.Json["template"]["resources"]["server"]["properties"]["image"]);
            Assert.Equal("large", (string)preview.Json["parameters"]["flavor"]);
        }

        [Fact]
        public void IncludeUnchanged_AlsoWritesWhatStays()
        {
            var heat = Heat(TemplateChanges());
            using var host = new PowerShellHost(heat);

            var result = host.Run($"Compare-HeatStack web -Template {NewTemplate} -IncludeUnchanged -Session $session");

            var rows = Rows(result);
            Assert.Contains("web Parameter Unchanged flavor small -> small", rows);
            Assert.Contains("web Parameter Unchanged secret (hidden) -> (hidden)", rows);
            Assert.Contains("web Resource Replaced server properties.image cirros -> fedora", rows);
        }

        [Fact]
        public void Existing_PreviewsAPatch_OfOnlyWhatIsGiven()
        {
            var heat = Heat(new JObject { ["updated"] = Changed("server", "OS::Nova::Server"), ["unchanged"] = Changed("old", "OS::Heat::None") });
            using var host = new PowerShellHost(heat);

            var result = host.Run("Compare-HeatStack web -Existing -Parameter @{ flavor = 'large' } -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[]
            {
                "web Resource Updated server",
                "web Parameter Changed flavor small -> large",
            }, Rows(result));
            var preview = Assert.Single(heat.Sent(Patch));
            Assert.Equal("stacks/web/1/preview", preview.Route);
            Assert.Null(preview.Json["template"]);
            Assert.Equal("large", (string)preview.Json["parameters"]["flavor"]);
            Assert.Empty(Changes(heat));
        }

        [Fact]
        public void ShowNested_AsksHeatForTheNestedStacksChanges()
        {
            var changes = TemplateChanges();
            changes["updated"] = new JArray(new JObject { ["resource_name"] = "member", ["resource_type"] = "OS::Heat::None", ["stack_name"] = "web-group-x7" });
            var heat = new FakeHeat();
            heat.On(HttpMethod.Put, "stacks/web/1/preview?show_nested=True").Json(HttpStatusCode.OK, new JObject { ["resource_changes"] = changes });
            using var host = new PowerShellHost(Heat(TemplateChanges(), heat));

            var result = host.Run($"Compare-HeatStack web -Template {NewTemplate} -ShowNested -Session $session");

            Assert.Empty(result.Errors);
            var nested = Assert.Single(result.Objects<HeatStackDifference>(), d => d.Name == "member");
            Assert.Equal("web-group-x7", nested.NestedStackName);
            Assert.Equal("stacks/web/1/preview?show_nested=True", Assert.Single(heat.Sent(HttpMethod.Put)).Route);
        }

        [Fact]
        public void AMissingStack_IsAnError_ForAPatch_AndTheOthersAreCompared()
        {
            var heat = Heat(TemplateChanges());
            using var host = new PowerShellHost(heat);

            // A patch keeps what the stack holds: with no stack there is nothing to keep (a full compare previews a create).
            var result = host.Run("Compare-HeatStack gone, web -Existing -Parameter @{ flavor = 'large' } -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.CompareHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal(new[] { "web" }, result.Objects<HeatStackDifference>().Select(d => d.StackName).Distinct());
        }
    }
}
