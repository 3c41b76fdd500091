using System.Collections;
using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>Get-HeatStackOutput: the outputs through Heat's outputs routes, as objects or one hashtable.</summary>
    public class GetHeatStackOutputTests
    {
        /// <summary>web (1) has url, web_ip and db_ip; db_ip could not be computed. No output named nope.</summary>
        private static FakeHeat Heat()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1")).MissingStack("gone");
            heat.On(HttpMethod.Get, "stacks/web/1/outputs").Json(HttpStatusCode.OK, HeatFixtures.List("outputs",
                new JObject { ["output_key"] = "url", ["description"] = "Where it answers" },
                new JObject { ["output_key"] = "web_ip", ["description"] = "No description given" },
                new JObject { ["output_key"] = "db_ip", ["description"] = "No description given" }));
            Shows(heat, new JObject { ["output_key"] = "url", ["description"] = "Where it answers", ["output_value"] = "http://10.0.0.5/" });
            Shows(heat, new JObject { ["output_key"] = "web_ip", ["description"] = "No description given", ["output_value"] = "10.0.0.5" });
            Shows(heat, new JObject
            {
                ["output_key"] = "db_ip", ["description"] = "No description given", ["output_value"] = null,
                ["output_error"] = "The Referenced Attribute (db first_address) is incorrect.",
            });
            heat.On(HttpMethod.Get, "stacks/web/1/outputs/nope").Error(HttpStatusCode.NotFound, "Specified output key nope not found.", "NotFound");
            return heat;
        }

        private static void Shows(FakeHeat heat, JObject output) =>
            heat.On(HttpMethod.Get, "stacks/web/1/outputs/" + (string)output["output_key"]).Json(HttpStatusCode.OK, new JObject { ["output"] = output });

        [Fact]
        public void EveryOutput_WithItsValue_InTheListsOrder()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackOutput web -Session $session");

            Assert.Empty(result.Errors);
            var outputs = result.Objects<HeatStackOutput>().ToList();
            Assert.Equal(new[] { "url=http://10.0.0.5/", "web_ip=10.0.0.5", "db_ip=" }, outputs.Select(o => $"{o.OutputKey}={o.OutputValue}"));
            Assert.Equal("Where it answers", outputs[0].Description);
            Assert.Equal("The Referenced Attribute (db first_address) is incorrect.", outputs[2].OutputError);
            Assert.All(outputs, o => Assert.Equal("web", o.StackName));
            Assert.Equal("GET stacks/web/1/outputs", heat.Log[1]);
            Assert.DoesNotContain("GET stacks/web/1", heat.Log);
        }

        [Fact]
        public void OutputKey_ReadsOnlyThoseNamed_AWildcardMatchingTheList()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackOutput web url, *_ip -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "url", "web_ip", "db_ip" }, result.Objects<HeatStackOutput>().Select(o => o.OutputKey));
        }

        [Fact]
        public void OutputKey_WithoutWildcards_ReadsNoList()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStackOutput web url -Session $session");

            Assert.Equal("http://10.0.0.5/", Assert.Single(result.Objects<HeatStackOutput>()).OutputValue);
            Assert.Equal(new[] { "GET stacks/web", "GET stacks/web/1/outputs/url" }, heat.Log);
        }

        [Fact]
        public void AnExactKeyTheStackLacks_IsNotFound_AndTheOtherKeysCome()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("Get-HeatStackOutput web nope, url -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackOutputNotFound,Heat.PowerShell.Cmdlets.GetHeatStackOutput", error.FullyQualifiedErrorId);
            Assert.Equal("web/nope", error.TargetObject);
            Assert.Contains("Stack web has no output 'nope'.", error.Exception.Message);
            Assert.Equal("url", Assert.Single(result.Objects<HeatStackOutput>()).OutputKey);
        }

        [Fact]
        public void AsHashtable_IsOneKeyToValueMapPerStack()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("$o = Get-HeatStackOutput web -AsHashtable -Session $session; $o -is [hashtable]; $o.url; $o.URL; $o.Count");

            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { true, "http://10.0.0.5/", "http://10.0.0.5/", 3 }, result.Output.Select(o => o.BaseObject).ToArray());
        }

        [Fact]
        public void PipedStacks_AreReadByName_AndAMissingOneIsAnError()
        {
            using var host = new PowerShellHost(Heat());

            var result = host.Run("'gone', 'web' | Get-HeatStackOutput -AsHashtable -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
            Assert.Contains("The Stack (gone) could not be found.", error.Exception.Message);
            Assert.Equal("10.0.0.5", Assert.Single(result.Objects<Hashtable>())["web_ip"]);
        }
    }
}
