using System.Linq;
using System.Net;
using System.Net.Http;
using Heat.Client.Protection;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests.Protection
{
    /// <summary>Protect-HeatStack and Unprotect-HeatStack (issue 20): a tag that Remove-HeatStack honours, -Force or not,
    /// while the rest of a bulk removal goes on.</summary>
    public class StackProtectionTests
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private static JObject Tagged(string name, string id, params string[] tags) => HeatFixtures.StackDetail(name, id).With("tags", new JArray(tags));

        /// <summary>web-a (protected, tagged team too), web-b and web-c, listed and shown; deletes and patches answered.</summary>
        private static FakeHeat Heat()
        {
            var heat = new FakeHeat()
                .ListsStacks(Tagged("web-a", "1", "team", StackProtection.Tag), Tagged("web-b", "2"), Tagged("web-c", "3"))
                .ShowsStack(Tagged("web-a", "1", "team", StackProtection.Tag))
                .ShowsStack(Tagged("web-b", "2", "team"))
                .ShowsStack(Tagged("web-c", "3"))
                .DeletesStack("web-a", "1").DeletesStack("web-b", "2").DeletesStack("web-c", "3");
            foreach (var (name, id) in new[] { ("web-a", "1"), ("web-b", "2") }) heat.On(Patch, $"stacks/{name}/{id}").Status(HttpStatusCode.Accepted);
            heat.On(HttpMethod.Post, "stacks/web-a/1/abandon").Status(HttpStatusCode.OK);
            return heat;
        }

        private static string[] Deleted(FakeHeat heat) => heat.Sent(HttpMethod.Delete).Select(r => r.Route).OrderBy(r => r, System.StringComparer.Ordinal).ToArray();

        [Fact]
        public void AProtectedStack_SurvivesABulkForcedRemoval_AndItsNeighboursGo()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack web-* -Session $session | Remove-HeatStack -Force -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackProtected,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Contains("web-a", error.Exception.Message);
            Assert.Contains("Unprotect-HeatStack", error.ErrorDetails.Message);
            Assert.Equal(new[] { "stacks/web-b/2", "stacks/web-c/3" }, Deleted(heat));
        }

        [Fact]
        public void AProtectedStack_IsNotAbandonedEither()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Remove-HeatStack web-a -Abandon -Force -Session $session");

            Assert.Equal("HeatStackProtected,Heat.PowerShell.Cmdlets.RemoveHeatStack", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.DoesNotContain(heat.Requests, r => r.Method != HttpMethod.Get.Method);
        }

        [Fact]
        public void ProtectHeatStack_AddsTheTag_KeepingTheStacksOwn_ByAPatchOfNothingElse()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Protect-HeatStack web-b -Session $session");

            Assert.Empty(result.Errors);
            var sent = Assert.Single(heat.Sent(Patch)).Json;
            Assert.Equal("team," + StackProtection.Tag, (string)sent["tags"]);
            Assert.Equal(new[] { "tags" }, sent.Properties().Select(p => p.Name));
        }

        [Fact]
        public void UnprotectHeatStack_TakesOnlyTheTagAway()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("Unprotect-HeatStack web-a -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("team", (string)Assert.Single(heat.Sent(Patch)).Json["tags"]);
        }

        [Fact]
        public void Unprotect_AsksFirst_AndWhatIfChangesNothing()
        {
            var heat = Heat();
            using var host = new PowerShellHost(heat);

            var result = host.Run("$WhatIfPreference = $true; Unprotect-HeatStack web-a -Force -Session $session");

            Assert.Contains(result.HostLines, l => l.StartsWith("What if:", System.StringComparison.Ordinal) && l.Contains("web-a"));
            Assert.Empty(heat.Sent(Patch));
        }
    }
}
