using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Net;
using System.Net.Http;
using Heat.Tests.Shared;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Tab completion as a user gets it: through TabExpansion2 in the runspace, as the console calls it. One class, so
    /// its tests (which share CompletionLists' clock settings) never run at the same time.
    /// </summary>
    public class CompletionTests
    {
        private static PowerShellHost.Result Tab(PowerShellHost host, string line)
        {
            host.Runspace.SessionStateProxy.SetVariable("line", line);
            return host.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches");
        }

        private static string[] Texts(PowerShellHost.Result result) =>
            result.Output.Select(o => (string)o.Properties["CompletionText"].Value).ToArray();

        private static FakeHeat TwoStacks() => new FakeHeat().ListsStacks(
            HeatFixtures.Stack("web-1", "id1"), HeatFixtures.Stack("db", "id2", "CREATE_FAILED"), HeatFixtures.Stack("my app", "id3"));

        [Fact]
        public void StackNames_FromTheDefaultSession_WithTheStatusAsTooltip()
        {
            using var host = new PowerShellHost(TwoStacks());
            host.MakeSessionTheDefault();

            var all = Tab(host, "Get-HeatStack -StackName ");
            var positional = Tab(host, "Remove-HeatStack w");

            Assert.Equal(new[] { "web-1", "db", "'my app'" }, Texts(all));
            Assert.Contains("CREATE_FAILED", (string)all.Output[1].Properties["ToolTip"].Value);
            Assert.Equal(new[] { "web-1" }, Texts(positional));
        }

        [Fact]
        public void StackNames_FromTheSessionOnTheCommandLine()
        {
            using var host = new PowerShellHost(TwoStacks());

            var result = Tab(host, "Get-HeatEvent -Session $session -StackName d");

            Assert.Equal(new[] { "db" }, Texts(result));
        }

        /// <summary>
        /// Names a template author (resources, outputs), a stack's creator or a planted clouds.yaml can choose. Each
        /// once completed to a line that ran Write-Host: PowerShell ends a single-quoted string at U+2018 to U+201B as
        /// at ', a bare word with a leading dash is a parameter, and one with a leading digit a number.
        /// </summary>
        private static readonly string[] HostileNames =
        {
            "r\u2018; Write-Host PWNED; \u2018",
            "r\u2019; Write-Host PWNED; \u2019",
            "r\u201A; Write-Host PWNED; \u201A",
            "r\u201B; Write-Host PWNED; \u201B",
            "r'; Write-Host PWNED; '",
            "r$(Write-Host PWNED)",
            "r; Write-Host PWNED",
            "r`; Write-Host PWNED",
            "r\nWrite-Host PWNED",
            "r\u2018\nWrite-Host PWNED\n\u2019",
            "-Session",
            "1e3",
            TerminalAssert.Hostile,
        };

        /// <summary>
        /// Completes <paramref name="line"/> as typed, after an opened ' and after an opened ", and parses each line a
        /// completion makes: it must be one command, with one more element than the line, a constant string. Returns the
        /// names the completions stand for (each opening must offer the same).
        /// </summary>
        private static string[] CompletedArguments(PowerShellHost host, string line)
        {
            var elements = CommandOf(line + "x").CommandElements.Count;
            string[] first = null;
            foreach (var opening in new[] { "", "'", "\"", "\u2018" })
            {
                var input = line + opening;
                host.Runspace.SessionStateProxy.SetVariable("line", input);
                var result = host.Run("TabExpansion2 -inputScript $line -cursorColumn $line.Length");
                Assert.Empty(result.Errors);
                var completion = (CommandCompletion)result.Output.Single().BaseObject;
                var arguments = completion.CompletionMatches.Select(match =>
                {
                    // The menu shows these: a name from Heat or a clouds.yaml must not drive the terminal there either.
                    TerminalAssert.Clean(match.ListItemText, "a completion's list text");
                    TerminalAssert.Clean(match.ToolTip, "a completion's tooltip");
                    var completed = input.Substring(0, completion.ReplacementIndex) + match.CompletionText +
                                    input.Substring(completion.ReplacementIndex + completion.ReplacementLength);
                    var command = CommandOf(completed);
                    Assert.True(elements == command.CommandElements.Count, $"{JsonConvert.ToString(completed)} is not the line and one argument");
                    var argument = command.CommandElements.Last();
                    Assert.True(argument is StringConstantExpressionAst, $"{JsonConvert.ToString(completed)} ends in a {argument.GetType().Name}, not a constant");
                    return ((StringConstantExpressionAst)argument).Value;
                }).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                Assert.Equal(first ?? arguments, arguments);
                first = arguments;
            }
            return first;
        }

        /// <summary>The one command a line holds; anything else (two statements, a pipeline, a parse error) fails.</summary>
        private static CommandAst CommandOf(string line)
        {
            var ast = Parser.ParseInput(line, out _, out var errors);
            Assert.True(errors.Length == 0, $"{JsonConvert.ToString(line)} does not parse: {string.Join("; ", errors.Select(e => e.Message))}");
            var statement = Assert.Single(ast.EndBlock.Statements);
            var pipeline = Assert.IsType<PipelineAst>(statement);
            return Assert.IsType<CommandAst>(Assert.Single(pipeline.PipelineElements));
        }

        private static string[] Sorted(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.Ordinal).ToArray();

        [Fact]
        public void HostileStackNames_CompleteToTheNameItself()
        {
            var heat = new FakeHeat().ListsStacks(HostileNames.Select((n, i) => HeatFixtures.Stack(n, "id" + i)).ToArray());
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            Assert.Equal(Sorted(HostileNames), CompletedArguments(host, "Get-HeatStack -StackName "));
            Assert.Equal(Sorted(HostileNames), CompletedArguments(host, "Remove-HeatStack "));
        }

        [Fact]
        public void HostileResourceNamesAndOutputKeys_CompleteToTheNameItself()
        {
            var heat = new FakeHeat()
                .ListsResources("web", "s1", HostileNames.Select(n => HeatFixtures.Resource(n, "OS::Heat::None", "web", "s1")).ToArray())
                .ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(HttpMethod.Get, "stacks/web/s1/outputs").Json(HttpStatusCode.OK, new JObject
            {
                ["outputs"] = new JArray(HostileNames.Select(n => new JObject { ["output_key"] = n, ["description"] = n }).ToArray<object>()),
            });
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            Assert.Equal(Sorted(HostileNames), CompletedArguments(host, "Get-HeatResource -StackName web -ResourceName "));
            Assert.Equal(Sorted(HostileNames), CompletedArguments(host, "Get-HeatStackOutput web "));
        }

        [Fact]
        public void HostileCloudNames_CompleteToTheNameItself()
        {
            var folder = Directory.CreateTempSubdirectory("heat-clouds-").FullName;
            try
            {
                // JSON strings are YAML double-quoted scalars: each name, newline and all, is one key.
                File.WriteAllText(Path.Combine(folder, "clouds.yaml"), "clouds:\n" + string.Concat(HostileNames.Select(n =>
                    $"  {JsonConvert.ToString(n)}:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n")));
                using var host = new PowerShellHost(null);
                host.Run($"Set-Location -LiteralPath '{folder}'");

                Assert.Equal(Sorted(HostileNames), CompletedArguments(host, "Connect-HeatService -Cloud "));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void StatusesAndConfigGroups_CompleteToWhatTheyOffer()
        {
            using var host = new PowerShellHost(null);

            Assert.Equal(Sorted(HeatStatuses.States.Concat(HeatStatuses.All)), CompletedArguments(host, "Get-HeatStack -Status "));
            Assert.Contains("Heat::Ungrouped", CompletedArguments(host, "New-HeatSoftwareConfig -Group "));
            Assert.Contains("script", CompletedArguments(host, "New-HeatSoftwareConfig -Group "));
        }

        [Fact]
        public void SoftwareConfigGroups_AreOffered_WithWhatPowerShellWouldReadOtherwiseQuoted()
        {
            using var host = new PowerShellHost(new FakeHeat());

            Assert.Equal(new[] { "script" }, Texts(Tab(host, "New-HeatSoftwareConfig -Group scr")));
            Assert.Equal(new[] { "'Heat::Ungrouped'" }, Texts(Tab(host, "New-HeatSoftwareConfig -Group Heat")));
            Assert.Equal(new[] { "'script'" }, Texts(Tab(host, "New-HeatSoftwareConfig -Group 'scr")));
        }

        [Fact]
        public void AnOpenedQuote_IsClosed()
        {
            using var host = new PowerShellHost(TwoStacks());
            host.MakeSessionTheDefault();

            Assert.Equal(new[] { "'web-1'" }, Texts(Tab(host, "Get-HeatStack 'we")));
        }

        [Fact]
        public void ASecondTab_AsksHeatNothing_UntilTheListIsOld()
        {
            var heat = TwoStacks();
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();
            var before = CompletionLists.TimeToLive;
            try
            {
                Tab(host, "Get-HeatStack ");
                Tab(host, "Get-HeatStack w");
                var listedOnce = heat.Log.Count(l => l.StartsWith("GET stacks", StringComparison.Ordinal));
                CompletionLists.TimeToLive = TimeSpan.Zero;
                var again = Tab(host, "Get-HeatStack w");

                Assert.Equal(1, listedOnce);
                Assert.Equal(2, heat.Log.Count(l => l.StartsWith("GET stacks", StringComparison.Ordinal)));
                Assert.Equal(new[] { "web-1" }, Texts(again));
            }
            finally
            {
                CompletionLists.TimeToLive = before;
            }
        }

        [Fact]
        public void AHeatThatHangs_CostsATabAtMostTheBudget_AndOffersNothing()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks").Hang();
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var clock = Stopwatch.StartNew();
            var result = Tab(host, "Get-HeatStack ");
            clock.Stop();

            Assert.Empty(result.Errors);
            Assert.Empty(Texts(result));
            // Two seconds of budget, and some slack for a busy machine: the old completer waited up to five.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.5), $"a Tab took {clock.Elapsed}");
        }

        [Fact]
        public void AHeatThatFails_OffersNothing_AndRaisesNoError()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks").Error(HttpStatusCode.Forbidden, "no");
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var result = Tab(host, "Get-HeatStack ");

            Assert.Empty(result.Errors);
            Assert.Empty(Texts(result));
        }

        [Fact]
        public void NoSession_OffersNothing()
        {
            using var host = new PowerShellHost(null);

            var result = Tab(host, "Get-HeatStack -StackName ");

            Assert.Empty(result.Errors);
            Assert.Empty(Texts(result));
        }

        [Fact]
        public void ResourceNames_OfTheStackAlreadyGiven()
        {
            var heat = new FakeHeat().ListsResources("web", "s1",
                HeatFixtures.Resource("rand", "OS::Heat::RandomString", "web", "s1"),
                HeatFixtures.Resource("group", "OS::Heat::ResourceGroup", "web", "s1"),
                HeatFixtures.Resource("rand2", "OS::Heat::RandomString", "web", "s1"));
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var named = Tab(host, "Get-HeatResource -StackName web -ResourceName r");
            var positional = Tab(host, "Get-HeatEvent web g");
            var noStack = Tab(host, "Send-HeatResourceSignal -ResourceName ");

            Assert.Equal(new[] { "rand", "rand2" }, Texts(named));
            Assert.Equal(new[] { "group" }, Texts(positional));
            Assert.Empty(Texts(noStack));
        }

        [Fact]
        public void OutputKeys_OfTheStackAlreadyGiven()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(HttpMethod.Get, "stacks/web/s1/outputs").Json(HttpStatusCode.OK, new JObject
            {
                ["outputs"] = new JArray(
                    new JObject { ["output_key"] = "url", ["description"] = "Where it answers" },
                    new JObject { ["output_key"] = "admin_password", ["description"] = "Secret" }),
            });
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var result = Tab(host, "Get-HeatStackOutput web ");

            Assert.Equal(new[] { "url", "admin_password" }, Texts(result));
            Assert.Contains("Where it answers", (string)result.Output[0].Properties["ToolTip"].Value);
        }

        /// <summary>What each suggestion stands for once typed: the helper decides the quoting, this reads it back.</summary>
        private static string[] Offered(PowerShellHost host, PowerShellHost.Result result) =>
            Texts(result).Select(text => (string)host.Run("Write-Output " + text).Output.Single().BaseObject).ToArray();

        [Fact]
        public void ResourceTypes_FromTheCloudsList_ForEveryParameterThatTakesOne()
        {
            var heat = new FakeHeat().ListsResourceTypes(("OS::Heat::RandomString", null), ("OS::Heat::ResourceGroup", null), ("OS::Nova::Server", null));
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var resources = Tab(host, "Get-HeatResource web -ResourceType OS::Heat::R");
            var events = Tab(host, "Get-HeatEvent web -ResourceType OS::N");
            var types = Tab(host, "Get-HeatResourceType OS::Heat::Res");
            var alias = Tab(host, "Get-HeatResourceType -ResourceType OS::Heat::Ra");

            Assert.Equal(new[] { "OS::Heat::RandomString", "OS::Heat::ResourceGroup" }, Offered(host, resources));
            Assert.Equal(new[] { "OS::Nova::Server" }, Offered(host, events));
            Assert.Equal(new[] { "OS::Heat::ResourceGroup" }, Offered(host, types));
            Assert.Equal(new[] { "OS::Heat::RandomString" }, Offered(host, alias));
            Assert.Single(heat.Log, l => l.StartsWith("GET resource_types", StringComparison.Ordinal));
        }

        [Fact]
        public void SnapshotIds_OfTheStackAlreadyGiven_WithTheirNamesAsTooltip()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "s1"));
            heat.On(HttpMethod.Get, "stacks/web/s1/snapshots").Json(HttpStatusCode.OK, new JObject
            {
                ["snapshots"] = new JArray(
                    new JObject { ["id"] = "5f1c0e9a", ["name"] = "before-upgrade", ["status"] = "COMPLETE", ["creation_time"] = "2024-05-01T10:00:00Z" },
                    new JObject { ["id"] = "77ab21d0", ["name"] = "nightly", ["status"] = "COMPLETE", ["creation_time"] = "2024-05-02T02:00:00Z" }),
            });
            using var host = new PowerShellHost(heat);
            host.MakeSessionTheDefault();

            var restore = Tab(host, "Restore-HeatStackSnapshot -StackName web -SnapshotId ");
            var get = Tab(host, "Get-HeatStackSnapshot web 7");
            var remove = Tab(host, "Remove-HeatStackSnapshot web 5");
            var noStack = Tab(host, "Restore-HeatStackSnapshot -SnapshotId ");

            Assert.Equal(new[] { "5f1c0e9a", "77ab21d0" }, Offered(host, restore));
            Assert.Contains("before-upgrade", (string)restore.Output[0].Properties["ToolTip"].Value);
            Assert.Equal(new[] { "77ab21d0" }, Offered(host, get));
            Assert.Equal(new[] { "5f1c0e9a" }, Offered(host, remove));
            Assert.Empty(Texts(noStack));
        }

        [Fact]
        public void Actions_AreHeatsActions_NotTheFilesHere()
        {
            using var host = new PowerShellHost(null);
            var folder = System.IO.Directory.CreateTempSubdirectory("heat-actions-").FullName;
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "UPDATE-notes.txt"), "a file PowerShell would offer");
            host.Run($"Set-Location -LiteralPath '{folder}'");

            var events = Tab(host, "Get-HeatEvent web -Action UP");
            var rollback = Tab(host, "Get-HeatEvent web -Action R");
            var deployment = Tab(host, "New-HeatSoftwareDeployment -ServerId s -ConfigId c -Action D");
            var change = Tab(host, "Set-HeatSoftwareDeployment d1 -Action ");

            Assert.Equal(new[] { "UPDATE" }, Offered(host, events));
            Assert.Equal(new[] { "ROLLBACK", "RESUME", "RESTORE" }, Offered(host, rollback));
            Assert.Equal(new[] { "DELETE" }, Offered(host, deployment));
            Assert.Equal(new[] { "CREATE", "UPDATE", "DELETE", "SUSPEND", "RESUME" }, Offered(host, change));
        }

        [Fact]
        public void Statuses_AreOffered()
        {
            using var host = new PowerShellHost(null);

            var rollback = Texts(Tab(host, "Get-HeatStack -Status ROLLBACK_"));
            var events = Texts(Tab(host, "Get-HeatEvent web -Status F"));

            Assert.Equal(new[] { "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE", "ROLLBACK_FAILED" }, rollback);
            Assert.Equal(new[] { "FAILED" }, events);
        }

        [Theory]
        [InlineData("Get-HeatStack -Status BOGUS -Session $session")]
        [InlineData("Get-HeatEvent web -Status CREATE_COMPLETE, CREATE_DONE -Session $session")]
        [InlineData("Get-HeatResource web -Status *BOGUS* -Session $session")]
        public void AStatusHeatNeverGives_IsAnError_NamingTheValidOnes(string script)
        {
            var heat = TwoStacks();
            using var host = new PowerShellHost(heat);

            var result = host.RunExpectingTermination(script);

            Assert.StartsWith("ParameterArgumentValidationError", result.Terminating.FullyQualifiedErrorId);
            Assert.Contains("is not a Heat status", result.Terminating.Exception.Message);
            Assert.Contains("IN_PROGRESS", result.Terminating.Exception.Message);
            Assert.Empty(heat.Log);
        }

        [Fact]
        public void StatusesAndStatePatterns_StillPass()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("a", "1", "CREATE_FAILED"), HeatFixtures.Stack("b", "2"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Status *FAILED, in_progress, update_complete -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "a" }, result.Objects<Heat.Client.Models.HeatStack>().Select(s => s.StackName));
        }
    }
}
