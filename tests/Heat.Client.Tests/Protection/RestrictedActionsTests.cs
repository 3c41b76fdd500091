using System;
using System.Linq;
using Heat.Client.Protection;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Protection
{
    /// <summary>restricted_actions as Heat reads them (environment.py get_rsrc_restricted_actions): every key of
    /// resource_registry.resources that matches the name with fnmatchcase, one action or a list.</summary>
    public class RestrictedActionsTests
    {
        private static JObject Environment(string json) => JObject.Parse(json);

        [Theory]
        [InlineData("db", "db", true)]
        [InlineData("db", "DB", false)]
        [InlineData("db*", "db-data", true)]
        [InlineData("db?", "db12", false)]
        [InlineData("[!a]pp", "bpp", true)]
        [InlineData("[!a]pp", "app", false)]
        [InlineData("[ab]pp", "app", true)]
        [InlineData("db[", "db[", true)]
        [InlineData("d.b", "dxb", false)]
        public void AKeyMatchesAResourceName_AsFnmatchcaseDoes(string key, string resource, bool matches)
        {
            var environment = Environment($@"{{""resource_registry"": {{""resources"": {{""{key}"": {{""restricted_actions"": ""replace""}}}}}}}}");

            Assert.Equal(matches, RestrictedActions.For(resource, new[] { environment }).Contains("replace"));
        }

        [Fact]
        public void EveryMatchingKeyAndEveryEnvironment_Add_TheirActions()
        {
            var first = Environment(@"{""resource_registry"": {""resources"": {""db"": {""restricted_actions"": [""update""]}, ""*"": {""hooks"": ""pre-create""}}}}");
            var second = Environment(@"{""resource_registry"": {""resources"": {""d*"": {""restricted_actions"": ""replace""}}}}");

            Assert.Equal(new[] { "replace", "update" }, RestrictedActions.For("db", new[] { first, second, null }).OrderBy(a => a, StringComparer.Ordinal));
            Assert.True(RestrictedActions.Any(new[] { null, second }));
            Assert.False(RestrictedActions.Any(new JObject[] { null, Environment(@"{""resource_registry"": {""resources"": {""*"": {""hooks"": ""pre-create""}}}}") }));
        }

        [Fact]
        public void AddTo_KeepsWhatTheEnvironmentHas_AndWritesHeatsLowerCaseNames()
        {
            var bundle = new TemplateBundle { Environment = Environment(@"{""resource_registry"": {""resources"": {""db"": {""hooks"": ""pre-update"", ""restricted_actions"": ""update""}}}}") };

            RestrictedActions.AddTo(bundle, "db", new[] { "Replace", "UPDATE" });

            var db = bundle.Environment["resource_registry"]["resources"]["db"];
            Assert.Equal("pre-update", (string)db["hooks"]);
            Assert.Equal(new[] { "update", "replace" }, db["restricted_actions"].ToObject<string[]>());
        }

        [Theory]
        [InlineData("delete")]
        [InlineData("")]
        public void AddTo_RefusesWhatHeatCannotRestrict(string action)
        {
            Assert.Throws<ArgumentException>(() => RestrictedActions.AddTo(new TemplateBundle(), "db", new[] { action }));
        }
    }
}
