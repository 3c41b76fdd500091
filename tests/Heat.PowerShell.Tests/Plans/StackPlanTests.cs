using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Client.Plans;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests.Plans
{
    /// <summary>
    /// New-, Get- and Invoke-HeatStackPlan (issue 20): a plan is applied exactly as reviewed, only to the cloud and the
    /// stack it was made against, and never holds a secret.
    /// </summary>
    public sealed class StackPlanTests : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "plans-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string PlanPath => Path.Combine(_folder, "web.plan.json");

        private string TemplateFile(string value)
        {
            var path = Path.Combine(_folder, "web.yaml");
            File.WriteAllText(path, "heat_template_version: 2018-08-31\nparameters:\n  db_password: {type: string}\n  size: {type: number, default: 1}\n" +
                                    $"resources:\n  r: {{type: OS::Heat::TestResource, properties: {{value: {value}}}}}\n");
            return path;
        }

        private static JObject Preview(string change) => new JObject
        {
            [change] = new JArray(new JObject { ["resource_name"] = "r", ["resource_type"] = "OS::Heat::TestResource", ["stack_name"] = "web" }),
        };

        /// <summary>No stack named web; the create preview shows r.</summary>
        private static FakeHeat NoStack()
        {
            var heat = new FakeHeat().MissingStack("web").CreatesStack("web", "new-1");
            heat.On(HttpMethod.Post, "stacks/preview").Json(HttpStatusCode.OK, new JObject
            {
                ["stack"] = new JObject { ["stack_name"] = "web", ["resources"] = new JArray(new JObject { ["resource_name"] = "r", ["resource_type"] = "OS::Heat::TestResource", ["stack_name"] = "web" }) },
            });
            return heat;
        }

        /// <summary>web (1), shown as <paramref name="states"/> one read after another (the last one stays).</summary>
        private static FakeHeat Stack(params JObject[] states)
        {
            var heat = new FakeHeat().ShowsStack(states);
            heat.On(HttpMethod.Get, "stacks/web/1/template").Json(HttpStatusCode.OK, JObject.Parse(
                @"{""heat_template_version"": ""2018-08-31"", ""parameters"": {""db_password"": {""type"": ""string""}}, ""resources"": {""r"": {""type"": ""OS::Heat::TestResource"", ""properties"": {""value"": ""old""}}}}"));
            heat.On(HttpMethod.Put, "stacks/web/1/preview").Json(HttpStatusCode.OK, new JObject { ["resource_changes"] = Preview("updated") });
            heat.On(HttpMethod.Put, "stacks/web/1").Status(HttpStatusCode.Accepted);
            return heat;
        }

        private static JObject Shown(string updated = null) => HeatFixtures.StackDetail("web", "1").With("updated_time", updated);

        private static string[] Changes(FakeHeat heat) =>
            heat.Requests.Where(r => r.Method != HttpMethod.Get.Method && !r.Route.EndsWith("preview", StringComparison.Ordinal)).Select(r => r.ToString()).ToArray();

        [Fact]
        public void APlannedCreate_IsSaved_WithoutItsSecret_AndAppliedWithIt()
        {
            var heat = NoStack();
            using var host = new PowerShellHost(heat);
            var template = TemplateFile("one");

            var planned = host.Run($"New-HeatStackPlan web -TemplatePath '{template}' -Parameter @{{ db_password = 'hunter2-x'; size = 3 }} -OutFile '{PlanPath}' -Session $session");

            Assert.Empty(planned.Errors);
            var plan = Assert.Single(planned.Objects<HeatStackPlan>());
            Assert.Equal(HeatStackPlan.CreateOperation, plan.Operation);
            Assert.Null(plan.Fingerprint);
            Assert.Equal(new[] { "db_password" }, plan.SecretParameters);
            Assert.Contains(plan.Differences, d => d.Kind == "Resource" && d.Name == "r" && d.Change == "Added");
            var file = File.ReadAllText(PlanPath);
            Assert.DoesNotContain("hunter2-x", file);
            Assert.Equal(FakeHeat.DefaultEndpoint, plan.Target.HeatEndpoint);
            Assert.Empty(Changes(heat));

            var refused = host.Run($"Invoke-HeatStackPlan '{PlanPath}' -Force -Session $session");
            Assert.Equal("HeatPlanParameterMissing,Heat.PowerShell.Cmdlets.InvokeHeatStackPlan", Assert.Single(refused.Errors).FullyQualifiedErrorId);
            Assert.Contains("db_password", refused.Errors[0].Exception.Message);
            Assert.Empty(Changes(heat));

            // A secret from a vault comes as a SecureString, and is opened only into the request.
            var applied = host.Run($"Invoke-HeatStackPlan '{PlanPath}' -Parameter @{{ db_password = ConvertTo-SecureString 'hunter2-x' -AsPlainText -Force }} -Force -Session $session");
            Assert.Empty(applied.Errors);
            var sent = Assert.Single(heat.Sent(HttpMethod.Post), r => r.Route == "stacks").Json;
            Assert.Equal("hunter2-x", (string)sent["parameters"]["db_password"]);
            Assert.Equal("3", (string)sent["parameters"]["size"]);
            Assert.Equal("one", (string)sent["template"]["resources"]["r"]["properties"]["value"]);
        }

        [Fact]
        public void APlannedCreate_IsRefused_WhenAStackHasTheNameByThen()
        {
            var heat = NoStack();
            using var host = new PowerShellHost(heat);
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("one")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");
            var later = Stack(Shown());
            using var other = new PowerShellHost(later);

            var result = other.Run($"Invoke-HeatStackPlan '{PlanPath}' -Parameter @{{ db_password = 'x' }} -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatPlanOutdated,Heat.PowerShell.Cmdlets.InvokeHeatStackPlan", error.FullyQualifiedErrorId);
            Assert.Contains("a stack named web exists now", error.Exception.Message);
            Assert.Empty(Changes(later));
        }

        [Fact]
        public void APlannedUpdate_SendsThePlannedTemplate_ThoughTheFileWasEditedSince()
        {
            var heat = Stack(Shown("2026-12-01T10:00:00Z"));
            using var host = new PowerShellHost(heat);
            var template = TemplateFile("reviewed");
            host.Run($"New-HeatStackPlan web -TemplatePath '{template}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");
            TemplateFile("edited-after-review");

            var result = host.Run($"Invoke-HeatStackPlan '{PlanPath}' -Parameter @{{ db_password = 'x' }} -Force -Session $session");

            Assert.Empty(result.Errors);
            var sent = Assert.Single(heat.Sent(HttpMethod.Put), r => r.Route == "stacks/web/1").Json;
            Assert.Equal("reviewed", (string)sent["template"]["resources"]["r"]["properties"]["value"]);
        }

        [Fact]
        public void APlannedUpdate_IsRefused_WhenTheStackWasUpdatedElsewhere_NamingWhatMoved()
        {
            // Read at planning (stack, fingerprint), then as updated by someone else.
            var heat = Stack(Shown("2026-12-01T10:00:00Z"), Shown("2026-12-01T10:00:00Z"), Shown("2026-12-07T09:30:00Z"));
            using var host = new PowerShellHost(heat);
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("reviewed")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");

            var result = host.Run($"Invoke-HeatStackPlan '{PlanPath}' -Parameter @{{ db_password = 'x' }} -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatPlanOutdated,Heat.PowerShell.Cmdlets.InvokeHeatStackPlan", error.FullyQualifiedErrorId);
            Assert.Contains("it was updated at 2026-12-07 09:30:00Z", error.Exception.Message);
            Assert.Contains("New-HeatStackPlan", error.ErrorDetails.Message);
            Assert.Empty(Changes(heat));
        }

        [Fact]
        public void APlan_ForAnotherCloud_IsRefused()
        {
            var heat = NoStack();
            using var host = new PowerShellHost(heat);
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("one")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");
            var other = new FakeHeat("http://other-heat.test:8004/v1/" + FakeHeat.ProjectId);
            using var otherHost = new PowerShellHost(other);

            var result = otherHost.Run($"Invoke-HeatStackPlan '{PlanPath}' -Parameter @{{ db_password = 'x' }} -Force -Session $session");

            Assert.Equal("HeatPlanTargetMismatch,Heat.PowerShell.Cmdlets.InvokeHeatStackPlan", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(Changes(other));
        }

        [Fact]
        public void WhatIf_WritesThePlansRows_AndSendsNothing()
        {
            var heat = NoStack();
            using var host = new PowerShellHost(heat);
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("one")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");

            var result = host.Run($"Get-HeatStackPlan '{PlanPath}' | Invoke-HeatStackPlan -Parameter @{{ db_password = 'x' }} -WhatIf -Session $session");

            Assert.Contains(result.Objects<HeatStackDifference>(), d => d.Name == "r" && d.Change == "Added");
            Assert.Empty(Changes(heat));
        }

        [Fact]
        public void AsMarkdown_IsATable_SafeForAPullRequestAndATerminal()
        {
            var heat = NoStack();
            using var host = new PowerShellHost(heat);
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("one")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");
            var json = JObject.Parse(File.ReadAllText(PlanPath));
            json["differences"][0]["Name"] = "r|\u001b]0;pwned\u0007";
            File.WriteAllText(PlanPath, json.ToString());

            var markdown = (string)host.Run($"Get-HeatStackPlan '{PlanPath}' -AsMarkdown").Output.Single().BaseObject;

            Assert.Contains("### Heat stack plan: web (Create)", markdown);
            Assert.Contains("| Added | Resource | r\\|", markdown);
            Assert.DoesNotContain("\u001b", markdown, StringComparison.Ordinal);
            Assert.Contains("`db_password`", markdown);
        }

        [Fact]
        public void AFileOfAnotherVersion_IsRefused_AndTheNextGoesOn()
        {
            var heat = NoStack();
            using var host = new PowerShellHost(heat);
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("one")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");
            var future = Path.Combine(_folder, "future.plan.json");
            File.WriteAllText(future, File.ReadAllText(PlanPath).Replace("\"version\": 1", "\"version\": 2"));

            var result = host.Run($"Get-HeatStackPlan '{future}', '{PlanPath}'");

            Assert.Equal("HeatPlanInvalid,Heat.PowerShell.Cmdlets.GetHeatStackPlan", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Single(result.Objects<HeatStackPlan>());
        }

        [Fact]
        public void TwoPipedPlans_EachSendsItsOwnStackAndTemplate()
        {
            var heat = NoStack().MissingStack("db");
            using var host = new PowerShellHost(heat);
            var dbPlan = Path.Combine(_folder, "db.plan.json");
            host.Run($"New-HeatStackPlan web -TemplatePath '{TemplateFile("web-value")}' -Parameter @{{ db_password = 'x' }} -OutFile '{PlanPath}' -Session $session");
            host.Run($"New-HeatStackPlan db -TemplatePath '{TemplateFile("db-value")}' -Parameter @{{ db_password = 'x' }} -OutFile '{dbPlan}' -Session $session");

            var result = host.Run($"Get-HeatStackPlan '{PlanPath}', '{dbPlan}' | Invoke-HeatStackPlan -Parameter @{{ db_password = 'x' }} -Force -Session $session");

            Assert.Empty(result.Errors);
            var bodies = heat.Sent(HttpMethod.Post).Where(r => r.Route == "stacks").Select(r => r.Json).ToDictionary(b => (string)b["stack_name"]);
            Assert.Equal("web-value", (string)bodies["web"]["template"]["resources"]["r"]["properties"]["value"]);
            Assert.Equal("db-value", (string)bodies["db"]["template"]["resources"]["r"]["properties"]["value"]);
        }
    }
}
