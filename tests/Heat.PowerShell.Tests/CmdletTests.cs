using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using Xunit;

namespace Heat.PowerShell.Tests
{
    public class CmdletTests
    {
        private static MockHttpMessageHandler NewMock() => new MockHttpMessageHandler(BackendDefinitionBehavior.Always);

        private static void StackList(MockHttpMessageHandler mock, params string[] stacks) =>
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks").Respond(HttpStatusCode.OK, "application/json",
                "{\"stacks\": [" + string.Join(",", stacks) + "]}");

        [Fact]
        public void WithoutConnection_EveryCmdletSaysToConnectFirst()
        {
            using var host = new PowerShellHost(null);

            foreach (var command in new[] { "Get-HeatStack", "Get-HeatEvent web", "Get-HeatResource web", "Remove-HeatStack web -Force",
                                             "New-HeatStack web -Template x", "Test-HeatTemplate -Template x" })
            {
                var error = host.Terminating(command);

                Assert.NotNull(error);
                Assert.StartsWith("HeatNotConnected,", error.FullyQualifiedErrorId);
                Assert.Contains("Connect-HeatService", error.Exception.Message);
            }
        }

        [Fact]
        public void GetHeatStack_WildcardName_FiltersTheList()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("ci-1", "id1"), Json.Stack("web", "id2"), Json.Stack("CI-2", "id3"));
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack ci-* -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "ci-1", "CI-2" }, result.Objects<HeatStack>().Select(s => s.StackName));
        }

        [Fact]
        public void GetHeatStack_StatusWildcard_IsMatchedLocally()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("a", "1", "CREATE_FAILED"), Json.Stack("b", "2", "CREATE_COMPLETE"), Json.Stack("c", "3", "UPDATE_FAILED"));
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Status *_FAILED -Session $session");

            Assert.Equal(new[] { "a", "c" }, result.Objects<HeatStack>().Select(s => s.StackName));
        }

        [Fact]
        public void GetHeatStack_AStateWithAFullStatus_IsNotNarrowedByHeatsStateFilter()
        {
            var mock = NewMock();
            // Asking Heat for status=FAILED would drop the CREATE_COMPLETE stacks: the list must be unfiltered.
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks").WithExactQueryString("limit=100").Respond(HttpStatusCode.OK, "application/json",
                "{\"stacks\": [" + Json.Stack("a", "1", "CREATE_FAILED") + "," + Json.Stack("b", "2", "CREATE_COMPLETE") + "," + Json.Stack("c", "3", "UPDATE_COMPLETE") + "]}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Status FAILED, CREATE_COMPLETE -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "a", "b" }, result.Objects<HeatStack>().Select(s => s.StackName));
        }

        [Fact]
        public void GetHeatStack_MissingName_IsANonTerminatingNotFound_AndTheOthersStillCome()
        {
            var mock = NewMock();
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/a").Respond(HttpStatusCode.OK, "application/json", "{\"stack\": " + Json.Stack("a", "1") + "}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/gone").Respond(HttpStatusCode.NotFound, "application/json",
                "{\"error\": {\"message\": \"The Stack (gone) could not be found.\", \"type\": \"EntityNotFound\"}}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/b").Respond(HttpStatusCode.OK, "application/json", "{\"stack\": " + Json.Stack("b", "2") + "}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("'a', 'gone', 'b' | Get-HeatStack -Session $session");

            Assert.Equal(new[] { "a", "b" }, result.Objects<HeatStack>().Select(s => s.StackName));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.GetHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("gone", error.TargetObject);
            Assert.Equal("The Stack (gone) could not be found.", error.Exception.Message);
            Assert.Null(host.Terminating("'gone' | Get-HeatStack -Session $session"));
        }

        [Fact]
        public void PipedStack_IsReloadedById()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("web", "id-web"));
            var reload = mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/id-web")
                .Respond(HttpStatusCode.OK, "application/json", "{\"stack\": " + Json.Stack("web", "id-web", "UPDATE_COMPLETE") + "}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Session $session | Get-HeatStack -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal("UPDATE_COMPLETE", result.Objects<HeatStack>().Single().StackStatus);
            Assert.Equal(1, mock.GetMatchCount(reload));
        }

        [Fact]
        public void RemoveHeatStack_OneMissingInThePipeline_GivesOneError_AndTheRestAreDeleted()
        {
            var mock = NewMock();
            var deleteA = mock.When(HttpMethod.Delete, PowerShellHost.Heat + "/stacks/a/1").Respond(HttpStatusCode.NoContent);
            var deleteB = mock.When(HttpMethod.Delete, PowerShellHost.Heat + "/stacks/b/2").Respond(HttpStatusCode.NoContent);
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/a").Respond(HttpStatusCode.OK, "application/json", "{\"stack\": " + Json.Stack("a", "1") + "}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/missing").Respond(HttpStatusCode.NotFound, "application/json",
                "{\"error\": {\"message\": \"The Stack (missing) could not be found.\"}}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/b").Respond(HttpStatusCode.OK, "application/json", "{\"stack\": " + Json.Stack("b", "2") + "}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("'a', 'missing', 'b' | Remove-HeatStack -Force -Session $session");

            Assert.Empty(result.Output);
            Assert.Equal(1, mock.GetMatchCount(deleteA));
            Assert.Equal(1, mock.GetMatchCount(deleteB));
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("HeatStackNotFound,Heat.PowerShell.Cmdlets.RemoveHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("missing", error.TargetObject);
        }

        [Fact]
        public void RemoveHeatStack_PipedStacks_AreDeletedByIdWithoutALookup()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("ci-1", "1"), Json.Stack("ci-2", "2"), Json.Stack("keep", "3"));
            var d1 = mock.When(HttpMethod.Delete, PowerShellHost.Heat + "/stacks/ci-1/1").Respond(HttpStatusCode.NoContent);
            var d2 = mock.When(HttpMethod.Delete, PowerShellHost.Heat + "/stacks/ci-2/2").Respond(HttpStatusCode.NoContent);
            var d3 = mock.When(HttpMethod.Delete, PowerShellHost.Heat + "/stacks/keep/3").Respond(HttpStatusCode.NoContent);
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack ci-* -Session $session | Remove-HeatStack -Force -PassThru -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "ci-1", "ci-2" }, result.Objects<HeatStack>().Select(s => s.StackName));
            Assert.All(result.Objects<HeatStack>(), s => Assert.Equal("DELETE_IN_PROGRESS", s.StackStatus));
            Assert.Equal(1, mock.GetMatchCount(d1));
            Assert.Equal(1, mock.GetMatchCount(d2));
            Assert.Equal(0, mock.GetMatchCount(d3));
        }

        [Fact]
        public void RemoveHeatStack_WhatIf_DeletesNothing_EvenWithForce()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("ci-1", "1"));
            var delete = mock.When(HttpMethod.Delete, "*").Respond(HttpStatusCode.NoContent);
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -WhatIf -Force -Session $session");

            Assert.Empty(result.Errors);
            Assert.Equal(0, mock.GetMatchCount(delete));
        }

        [Fact]
        public void RemoveHeatStack_IsHighImpact_SoItAsksUnlessForced()
        {
            using var host = new PowerShellHost(null);

            var result = host.Run("(Get-Command Remove-HeatStack).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact");

            Assert.Equal("High", result.Output.Single().ToString());
        }

        [Fact]
        public void RemoveHeatStack_Wait_WaitsForEveryStack_AndReportsOneThatFailed()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("a", "1"), Json.Stack("b", "2"));
            mock.When(HttpMethod.Delete, "*").Respond(HttpStatusCode.NoContent);
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/a/1*").Respond(HttpStatusCode.NotFound, "application/json", "{\"error\": {\"message\": \"gone\"}}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/b/2/events").WithQueryString("sort_dir", "desc").Respond(HttpStatusCode.OK, "application/json",
                "{\"events\": [" + Json.Event("e1", "b", "DELETE_FAILED", "b", "2", physical: "2") + "]}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/b/2/events").Respond(HttpStatusCode.OK, "application/json",
                "{\"events\": [" + Json.Event("e2", "b", "DELETE_IN_PROGRESS", "b", "2", physical: "2") + "," + Json.Event("e3", "b", "DELETE_FAILED", "b", "2", physical: "2") + "]}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/b/2/resources").Respond(HttpStatusCode.OK, "application/json", "{\"resources\": []}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/b/2").Respond(HttpStatusCode.OK, "application/json",
                "{\"stack\": " + Json.Stack("b", "2", "DELETE_FAILED").Replace("reason of b", "Resource DELETE failed: boom") + "}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Session $session | Remove-HeatStack -Force -Wait -PassThru -Session $session");

            Assert.Equal("a", result.Objects<HeatStack>().Single().StackName);
            Assert.Equal("DELETE_COMPLETE", result.Objects<HeatStack>().Single().StackStatus);
            var error = Assert.Single(result.Errors);
            Assert.True(error.FullyQualifiedErrorId.StartsWith("HeatStackFailed"), error.Exception.ToString());
            Assert.Contains("DELETE_FAILED", error.Exception.Message);
            Assert.Contains("boom", error.Exception.Message);
        }

        [Fact]
        public void NewHeatStack_SendsTemplateAndTypedParameters_AndReturnsTheNewStack()
        {
            var mock = NewMock();
            JObject sent = null;
            mock.When(HttpMethod.Post, PowerShellHost.Heat + "/stacks")
                .With(r => { sent = JObject.Parse(r.Content.ReadAsStringAsync().Result); return true; })
                .Respond(HttpStatusCode.Created, "application/json",
                    "{\"stack\": {\"id\": \"new-1\", \"links\": [{\"href\": \"" + PowerShellHost.Heat + "/stacks/web/new-1\", \"rel\": \"self\"}]}}");
            using var host = new PowerShellHost(mock);

            var result = host.Run(@"New-HeatStack -Name web -Template 'heat_template_version: 2018-08-31' `
                -Parameter @{ count = 2; names = @('a', 'b'); debug = $true } -Tag ci, web -TimeoutMinutes 20 -DisableRollback -Session $session");

            Assert.Empty(result.Errors);
            var stack = result.Objects<HeatStack>().Single();
            Assert.Equal("web", stack.StackName);
            Assert.Equal("new-1", stack.Id);
            Assert.Equal("web", (string)sent["stack_name"]);
            Assert.Equal(2, (int)sent["parameters"]["count"]);
            Assert.Equal(new[] { "a", "b" }, sent["parameters"]["names"].Select(t => (string)t));
            Assert.True((bool)sent["parameters"]["debug"]);
            Assert.Equal("ci,web", (string)sent["tags"]);
            Assert.Equal(20, (int)sent["timeout_mins"]);
            Assert.True((bool)sent["disable_rollback"]);
        }

        [Fact]
        public void NewHeatStack_WhatIf_CreatesNothing()
        {
            var mock = NewMock();
            var post = mock.When(HttpMethod.Post, "*").Respond(HttpStatusCode.Created);
            using var host = new PowerShellHost(mock);

            var result = host.Run("New-HeatStack -Name web -Template 'heat_template_version: 2018-08-31' -WhatIf -Session $session");

            Assert.Empty(result.Output);
            Assert.Equal(0, mock.GetMatchCount(post));
        }

        [Fact]
        public void NewHeatStack_NameTaken_IsAConflictError()
        {
            var mock = NewMock();
            mock.When(HttpMethod.Post, PowerShellHost.Heat + "/stacks").Respond(HttpStatusCode.Conflict, "application/json",
                "{\"error\": {\"message\": \"The Stack (web) already exists.\", \"type\": \"StackExists\"}}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("New-HeatStack -Name web -Template 'heat_template_version: 2018-08-31' -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatStackConflict,Heat.PowerShell.Cmdlets.NewHeatStack", error.FullyQualifiedErrorId);
            Assert.Equal("The Stack (web) already exists.", error.Exception.Message);
        }

        [Fact]
        public void StackToEventsToResourcesToStack_Navigates()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("web", "s1"));
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/s1/events").Respond(HttpStatusCode.OK, "application/json",
                "{\"events\": [" +
                Json.Event("e0", "web", "CREATE_IN_PROGRESS", "web", "s1", physical: "s1") + "," +
                Json.Event("e1", "rand", "CREATE_IN_PROGRESS", "web", "s1") + "," +
                Json.Event("e2", "rand", "CREATE_COMPLETE", "web", "s1") + "]}");
            var getRand = mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/s1/resources/rand").Respond(HttpStatusCode.OK, "application/json",
                "{\"resource\": " + Json.Resource("rand", "OS::Heat::RandomString", "web", "s1") + "}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/s1/resources/rand/metadata").Respond(HttpStatusCode.OK, "application/json", "{\"metadata\": {}}");
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/s1").Respond(HttpStatusCode.OK, "application/json", "{\"stack\": " + Json.Stack("web", "s1") + "}");
            using var host = new PowerShellHost(mock);

            var events = host.Run("Get-HeatStack -Session $session | Get-HeatEvent -Session $session");
            var resources = host.Run("Get-HeatStack -Session $session | Get-HeatEvent -Session $session | Get-HeatResource -Session $session");
            var stacks = host.Run("Get-HeatStack -Session $session | Get-HeatEvent -Session $session | Get-HeatResource -Session $session | Get-HeatStack -Session $session");

            Assert.Equal(3, events.Objects<HeatEvent>().Count());
            Assert.Empty(resources.Errors);
            Assert.Equal("rand", resources.Objects<HeatResource>().Single().ResourceName);
            Assert.Equal(2, mock.GetMatchCount(getRand));
            Assert.Equal("web", stacks.Objects<HeatStack>().Single().StackName);
        }

        [Fact]
        public void GetHeatEvent_StatusFilter_AcceptsHeatsFullStatus()
        {
            var mock = NewMock();
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/events").Respond(HttpStatusCode.OK, "application/json",
                "{\"events\": [" + Json.Event("e1", "r", "CREATE_FAILED", "web", "s1") + "," + Json.Event("e2", "r", "DELETE_FAILED", "web", "s1") + "]}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatEvent web -Status CREATE_FAILED -Session $session");

            Assert.Equal("e1", result.Objects<HeatEvent>().Single().Id);
        }

        [Fact]
        public void GetHeatEvent_ById_WithoutResource_FindsItInTheList()
        {
            var mock = NewMock();
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/events").Respond(HttpStatusCode.OK, "application/json",
                "{\"events\": [" + Json.Event("e1", "r", "CREATE_IN_PROGRESS", "web", "s1") + "," + Json.Event("e2", "r", "CREATE_COMPLETE", "web", "s1") + "]}");
            using var host = new PowerShellHost(mock);

            var found = host.Run("Get-HeatEvent web -Id e2 -Session $session");
            var missing = host.Run("Get-HeatEvent web -Id nope -Session $session");

            Assert.Equal("CREATE_COMPLETE", found.Objects<HeatEvent>().Single().ResourceStatus);
            Assert.Equal("HeatEventNotFound,Heat.PowerShell.Cmdlets.GetHeatEvent", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void GetHeatResource_TypeAndNameWildcards_FilterTheList()
        {
            var mock = NewMock();
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks/web/resources").Respond(HttpStatusCode.OK, "application/json",
                "{\"resources\": [" + Json.Resource("rand", "OS::Heat::RandomString", "web", "s1") + "," +
                Json.Resource("group", "OS::Heat::ResourceGroup", "web", "s1") + "," + Json.Resource("rand2", "OS::Heat::RandomString", "web", "s1") + "]}");
            using var host = new PowerShellHost(mock);

            var byType = host.Run("Get-HeatResource web -ResourceType *RandomString -Session $session");
            var byName = host.Run("Get-HeatResource web gr* -Session $session");

            Assert.Equal(new[] { "rand", "rand2" }, byType.Objects<HeatResource>().Select(r => r.ResourceName));
            Assert.Equal("group", byName.Objects<HeatResource>().Single().ResourceName);
        }

        [Fact]
        public void TestHeatTemplate_Invalid_IsAnErrorWithHeatsMessage()
        {
            var mock = NewMock();
            mock.When(HttpMethod.Post, PowerShellHost.Heat + "/validate").Respond(HttpStatusCode.BadRequest, "application/json",
                "{\"code\": 400, \"error\": {\"message\": \"The Resource Type (OS::Nope) could not be found.\", \"type\": \"StackValidationFailed\"}, \"title\": \"Bad Request\"}");
            using var host = new PowerShellHost(mock);

            var result = host.Run("Test-HeatTemplate -Template 'heat_template_version: 2018-08-31' -Session $session");

            var error = Assert.Single(result.Errors);
            Assert.Equal("HeatTemplateInvalid,Heat.PowerShell.Cmdlets.TestHeatTemplate", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("The Resource Type (OS::Nope) could not be found.", error.Exception.Message);
        }

        [Fact]
        public void Verbose_ShowsRequests_ButNeverTheToken()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("a", "1"));
            using var host = new PowerShellHost(mock);

            var result = host.Run("Get-HeatStack -Session $session -Verbose");

            Assert.Contains(result.Verbose, v => v.StartsWith("GET " + PowerShellHost.Heat + "/stacks"));
            Assert.Contains(result.Verbose, v => v.StartsWith("200 OK"));
            Assert.DoesNotContain(result.Verbose, v => v.Contains("test-token"));
        }

        [Fact]
        public void DefaultSession_IsPerRunspace()
        {
            var mock = NewMock();
            StackList(mock, Json.Stack("a", "1"));
            using var first = new PowerShellHost(mock);
            using var second = new PowerShellHost(null);

            var setDefault = first.Run("[Heat.PowerShell.Tests.TestHooks]::SetDefault($session)");
            var inFirst = first.Run("Get-HeatStack");
            var inSecond = second.Terminating("Get-HeatStack");

            Assert.Empty(setDefault.Errors);
            Assert.Equal("a", inFirst.Objects<HeatStack>().Single().StackName);
            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack", inSecond.FullyQualifiedErrorId);
        }

        [Fact]
        public void DisconnectHeatService_ForgetsTheDefault_AndClosesTheSession()
        {
            var mock = NewMock();
            using var host = new PowerShellHost(mock);
            host.Run("[Heat.PowerShell.Tests.TestHooks]::SetDefault($session)");

            host.Run("Disconnect-HeatService");
            var after = host.Terminating("Get-HeatStack");

            Assert.True(host.Session.IsDisposed);
            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack", after.FullyQualifiedErrorId);
        }
    }

    public class StopTests
    {
        [Fact]
        public void Stop_EndsARequestInFlight_NotJustTheNextOne()
        {
            var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
            var started = new System.Threading.ManualResetEventSlim();
            mock.When(HttpMethod.Get, PowerShellHost.Heat + "/stacks").Respond(async () =>
            {
                started.Set();
                await System.Threading.Tasks.Task.Delay(System.TimeSpan.FromSeconds(60));
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
            using var host = new PowerShellHost(mock);
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = host.Runspace;
            ps.AddScript("Get-HeatStack -Session $session");
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var running = ps.BeginInvoke();
            Assert.True(started.Wait(System.TimeSpan.FromSeconds(10)), "the request never started");
            ps.Stop();

            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(15), $"Stop took {watch.Elapsed}");
        }
    }

    public static class TestHooks
    {
        /// <summary>What Connect-HeatService does once it has a session; the fake session needs no Keystone.</summary>
        public static void SetDefault(Heat.Client.HeatSession session) => SessionStore.Default = session;
    }
}
