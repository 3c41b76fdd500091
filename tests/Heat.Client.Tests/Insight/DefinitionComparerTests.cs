using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Insight;
using Heat.Client.Templates;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Insight
{
    /// <summary>
    /// What Heat holds against what a full update would send. Heat's answers are shaped as Heat 19 gave them on the lab
    /// for a stack this module created: the template as parsed JSON, the files as sent, the environment built by Heat
    /// (defaults filled in, a template resource's URL mapped to itself, hidden values as ******).
    /// </summary>
    public sealed class DefinitionComparerTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "heat-converge-" + Guid.NewGuid().ToString("N"));

        public DefinitionComparerTests()
        {
            Directory.CreateDirectory(_folder);
            Write("app.yaml", @"heat_template_version: 2018-08-31
parameters:
  label: {type: string, default: one}
  size: {type: number, default: 3}
  password: {type: string, hidden: true, default: changeme}
  names: {type: comma_delimited_list, default: a}
  conf: {type: json, default: {}}
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: {get_param: size}
      resource_def: {type: OS::Heat::TestResource, properties: {value: {get_param: label}}}
  child:
    type: child.yaml
    properties: {label: {get_param: label}}
  script:
    type: OS::Heat::Value
    properties: {value: {get_file: run.sh}}
");
            Write("child.yaml", "heat_template_version: 2018-08-31\nparameters:\n  label: {type: string}\nresources:\n  inner: {type: OS::Heat::None}\n");
            Write("run.sh", "#!/bin/sh\necho hello\n");
            Write("env.yaml", "parameter_defaults:\n  size: 2\n");
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

        private string Url(string name) => HeatUrl.PathToFileUrl(Path.Combine(_folder, name));

        private UpdateStackRequest Request(Dictionary<string, object> parameters = null, string[] tags = null, params string[] environments)
        {
            var template = new TemplateRequest { TemplatePath = Path.Combine(_folder, "app.yaml") };
            foreach (var environment in environments) template.EnvironmentPaths.Add(Path.Combine(_folder, environment));
            return new UpdateStackRequest
            {
                Template = TemplateLoader.CheckLocal(template),
                Parameters = parameters ?? new Dictionary<string, object> { ["label"] = "two" },
                Tags = tags ?? new[] { "team-a", "web" },
                TimeoutMinutes = 30,
                DisableRollback = true,
            };
        }

        /// <summary>What Heat 19 showed for the stack created by <see cref="Request"/> with env.yaml.</summary>
        private JObject HeldEnvironment() => new JObject
        {
            ["resource_registry"] = new JObject { ["resources"] = new JObject(), [Url("child.yaml")] = Url("child.yaml") },
            ["parameters"] = new JObject { ["label"] = "two" },
            ["parameter_defaults"] = new JObject { ["size"] = 2 },
            ["event_sinks"] = new JArray(),
            ["encrypted_param_names"] = new JArray(),
        };

        /// <summary>A Heat that holds what <paramref name="sent"/> sent (or the parts given instead).</summary>
        private static FakeHeat Holding(UpdateStackRequest sent, JObject environment, JObject template = null, JObject files = null,
            string[] tags = null, int? timeout = 30, bool rollbackDisabled = true)
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("app", "1")
                .With("tags", new JArray(tags ?? new[] { "web", "team-a" }))
                .With("timeout_mins", timeout)
                .With("disable_rollback", rollbackDisabled));
            heat.On(HttpMethod.Get, "stacks/app/1/template").Json(HttpStatusCode.OK, template ?? (JObject)sent.Template.Template);
            heat.On(HttpMethod.Get, "stacks/app/1/environment").Json(HttpStatusCode.OK, environment);
            heat.On(HttpMethod.Get, "stacks/app/1/files").Json(HttpStatusCode.OK, files ?? JObject.FromObject(sent.Template.Files));
            return heat;
        }

        private static async Task<DefinitionComparison> Compare(FakeHeat heat, UpdateStackRequest request)
        {
            var client = heat.Client();
            var stack = await client.Stacks.GetAsync(new StackRef("app", "1"), CancellationToken.None, resolveOutputs: false);
            return await new DefinitionComparer(client).CompareAsync(stack, request, CancellationToken.None);
        }

        [Fact]
        public async Task TheDefinitionHeatHolds_WithNestedStacksAndAnEnvironmentFile_DoesNotDiffer()
        {
            var request = Request(environments: "env.yaml");
            var heat = Holding(request, HeldEnvironment());

            var comparison = await Compare(heat, request);

            Assert.Empty(comparison.Differences);
            Assert.False(comparison.Differs);
            // Three reads beside the stack, and no preview: Heat's preview would flag the group and the child.
            Assert.Equal(new[] { "GET stacks/app/1/environment", "GET stacks/app/1/files", "GET stacks/app/1/template" },
                heat.Log.Where(l => l.StartsWith("GET stacks/app/1/", StringComparison.Ordinal)).OrderBy(l => l, StringComparer.Ordinal));
            Assert.DoesNotContain(heat.Log, l => l.Contains("preview"));
        }

        [Fact]
        public async Task TagsDiffer_AndATagListInAnotherOrder_DoesNot()
        {
            var request = Request(tags: new[] { "team-b", "web" }, environments: "env.yaml");

            Assert.Equal(new[] { "tags" }, (await Compare(Holding(request, HeldEnvironment()), request)).Differences);
            var reordered = Request(tags: new[] { "web", "team-a" }, environments: "env.yaml");
            Assert.False((await Compare(Holding(reordered, HeldEnvironment()), reordered)).Differs);
        }

        [Fact]
        public async Task NoTags_DiffersFromATaggedStack_BecauseAFullUpdateRemovesThem()
        {
            var request = Request(environments: "env.yaml");
            request.Tags = null;

            Assert.Equal(new[] { "tags" }, (await Compare(Holding(request, HeldEnvironment()), request)).Differences);
        }

        [Fact]
        public async Task TheTimeoutAndRollbackDiffer_WhenGiven_AndNotWhenLeftOut()
        {
            var request = Request(environments: "env.yaml");

            Assert.Equal(new[] { "timeout", "rollback" },
                (await Compare(Holding(request, HeldEnvironment(), timeout: 60, rollbackDisabled: false), request)).Differences);
            request.TimeoutMinutes = null;
            request.DisableRollback = null;
            Assert.False((await Compare(Holding(request, HeldEnvironment(), timeout: 60, rollbackDisabled: false), request)).Differs);
        }

        [Fact]
        public async Task AParameter_AnotherDefault_AndAParameterNoLongerGiven_EachDiffer()
        {
            var request = Request(new Dictionary<string, object> { ["label"] = "three" }, environments: "env.yaml");
            var held = HeldEnvironment();
            held["parameters"]["size"] = "5";
            held["parameter_defaults"]["size"] = 4;

            var comparison = await Compare(Holding(request, held), request);

            Assert.Equal(new[] { "parameter label", "parameter size", "parameter default size" }, comparison.Differences);
        }

        [Fact]
        public async Task ValuesAsSent_ListsAndMaps_CompareAsHeatStoresThem()
        {
            // Heat stores a direct value as it arrived: a list and a map as JSON, a number as the text it was sent as.
            var request = Request(new Dictionary<string, object> { ["label"] = "two", ["size"] = 4, ["names"] = new[] { "a", "b" }, ["conf"] = new Dictionary<string, object> { ["x"] = 1 } },
                environments: "env.yaml");
            var held = HeldEnvironment();
            held["parameters"] = JObject.Parse(@"{""conf"": {""x"": 1}, ""names"": [""a"", ""b""], ""size"": ""4"", ""label"": ""two""}");

            Assert.False((await Compare(Holding(request, held), request)).Differs);
        }

        [Fact]
        public async Task AnEnvironmentFilesParameter_OverridesADirectOne_AsHeatDoes()
        {
            // Seen on Heat 19: environment files are merged after the direct parameters, so the file's value is stored.
            Write("prod.yaml", "parameters:\n  label: medium\n");
            var request = Request(new Dictionary<string, object> { ["label"] = "large" }, environments: "prod.yaml");
            var held = HeldEnvironment();
            held["parameters"] = new JObject { ["label"] = "medium" };
            held["parameter_defaults"] = new JObject();

            Assert.False((await Compare(Holding(request, held), request)).Differs);
        }

        [Fact]
        public async Task AHiddenParameterGivenDirectly_CannotBeCompared_SoItDiffers_AndItsValueIsNeverNamed()
        {
            var request = Request(new Dictionary<string, object> { ["label"] = "two", ["password"] = "s3cret-value" }, environments: "env.yaml");
            var held = HeldEnvironment();
            held["parameters"]["password"] = "******";

            var comparison = await Compare(Holding(request, held), request);

            var difference = Assert.Single(comparison.Differences);
            Assert.StartsWith("parameter password (hidden", difference);
            Assert.DoesNotContain("s3cret", comparison.ToString());
        }

        [Fact]
        public async Task AHiddenParameterGivenBefore_AndNotNow_Differs()
        {
            var request = Request(environments: "env.yaml");
            var held = HeldEnvironment();
            held["parameters"]["password"] = "******";

            Assert.Equal(new[] { "parameter password" }, (await Compare(Holding(request, held), request)).Differences);
        }

        [Fact]
        public async Task AHiddenDefaultFromAnEnvironmentFile_IsComparedThroughTheFileHeatShows()
        {
            Write("secrets.yaml", "parameter_defaults:\n  password: from-file\n");
            var request = Request(environments: "secrets.yaml");
            var held = HeldEnvironment();
            held["parameter_defaults"] = new JObject { ["password"] = "******" };
            Assert.False((await Compare(Holding(request, held), request)).Differs);

            var files = JObject.FromObject(request.Template.Files);
            files[Url("secrets.yaml")] = "{\"parameter_defaults\": {\"password\": \"older\"}}";
            Assert.Equal(new[] { "files: secrets.yaml (changed)" }, (await Compare(Holding(request, held, files: files), request)).Differences);
        }

        [Fact]
        public async Task TheTemplateAndAFile_DifferByWhatChanged()
        {
            var request = Request(environments: "env.yaml");
            var template = (JObject)request.Template.Template.DeepClone();
            template["resources"]["group"]["properties"]["count"] = 5;
            var files = JObject.FromObject(request.Template.Files);
            files[Url("run.sh")] = "#!/bin/sh\necho older\n";

            var comparison = await Compare(Holding(request, HeldEnvironment(), template, files), request);

            Assert.Equal(new[] { "template: resources.group", "files: run.sh (changed)" }, comparison.Differences);
        }

        [Fact]
        public async Task TheSameFilesReadFromAnotherFolder_Differ_ByTheirUrls()
        {
            var request = Request(environments: "env.yaml");
            var folder = Url("child.yaml").Replace("child.yaml", string.Empty);
            var elsewhere = JObject.Parse(JObject.FromObject(request.Template.Files).ToString().Replace(folder, "file:///srv/old/"));
            var template = JObject.Parse(request.Template.Template.ToString().Replace(folder, "file:///srv/old/"));

            var comparison = await Compare(Holding(request, HeldEnvironment(), template, elsewhere), request);

            Assert.Contains("files: child.yaml (another URL)", comparison.Differences);
            Assert.Contains("template: resources.child, resources.script", comparison.Differences);
            Assert.DoesNotContain(comparison.Differences, d => d.EndsWith("(removed)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task HooksWithoutEnvironmentFiles_AreHeldInTheRegistry_AndDifferWhenDropped()
        {
            var request = Request();
            StackHooks.AddTo(request.Template, StackHooks.PreUpdate, new[] { "group" });
            var held = HeldEnvironment();
            held["resource_registry"]["resources"] = JObject.Parse(@"{""group"": {""hooks"": ""pre-update""}}");
            held["parameter_defaults"] = new JObject();

            Assert.False((await Compare(Holding(request, held), request)).Differs);
            var plain = Request();
            Assert.Equal(new[] { "environment: resource_registry" }, (await Compare(Holding(plain, held), plain)).Differences);
        }

        [Fact]
        public async Task AMergeStrategyOtherThanOverwrite_CannotBeWorkedOut_SoItDiffers()
        {
            Write("merge.yaml", "parameter_merge_strategies:\n  label: merge\nparameters:\n  label: more\n");
            var request = Request(environments: "merge.yaml");

            var difference = Assert.Single((await Compare(Holding(request, HeldEnvironment()), request)).Differences);
            Assert.StartsWith("environment (parameter_merge_strategies", difference);
        }

        [Fact]
        public async Task AnEnvironmentFileWhoseParametersAreNotAMapping_CannotBeWorkedOut_SoItDiffers()
        {
            // Heat refuses such a file; the comparison says it cannot work the environment out instead of failing itself.
            Write("list.yaml", "parameters:\n  - label\n");
            var request = Request(environments: "list.yaml");

            var difference = Assert.Single((await Compare(Holding(request, HeldEnvironment()), request)).Differences);
            Assert.StartsWith("environment (parameters in ", difference);
        }

        [Fact]
        public async Task AnEnvironmentThatIsNotAnObject_IsAnInvalidResponse()
        {
            var request = Request(environments: "env.yaml");
            var broken = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("app", "1"));
            broken.On(HttpMethod.Get, "stacks/app/1/template").Json(HttpStatusCode.OK, (JObject)request.Template.Template);
            broken.On(HttpMethod.Get, "stacks/app/1/environment").Json(HttpStatusCode.OK, new JArray());
            broken.On(HttpMethod.Get, "stacks/app/1/files").Json(HttpStatusCode.OK, new JObject());

            await Assert.ThrowsAsync<HeatInvalidResponseException>(() => Compare(broken, request));
        }
    }
}
