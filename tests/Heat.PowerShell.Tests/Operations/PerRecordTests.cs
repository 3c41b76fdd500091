using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Operations
{
    /// <summary>
    /// Each pipeline record becomes its own operation: the values it carries (parameters, tags, template) go to its own
    /// stack, however the requests of the records overlap. The fake holds the first stack's lookup until the second
    /// stack's request has arrived, which is when an action that read the cmdlet's bound properties late picked up the
    /// next record's values.
    /// </summary>
    public class PerRecordTests
    {
        private const string Records =
            "[pscustomobject]@{ StackName = 'web'; Parameter = @{ flavor = 'web-flavor' }; Tag = 'web-tag' }, " +
            "[pscustomobject]@{ StackName = 'db'; Parameter = @{ flavor = 'db-flavor' }; Tag = 'db-tag' }";

        private const string Template = "'heat_template_version: 2018-08-31\nparameters:\n  flavor: {type: string}\n'";

        private static FakeHeat HeatHoldingWebUntil(HttpMethod method, string dbRoute, out Func<string, SentRequest> sent)
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("db", "2"));
            var dbArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            heat.On(HttpMethod.Get, "stacks/web").Answer(async _ =>
            {
                // Only ends a hang: with the guard broken, db's request comes while this one is held.
                await Task.WhenAny(dbArrived.Task, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new Uri(heat.Endpoint + "/stacks/web/1");
                return redirect;
            });
            heat.On(method, "stacks/web/1").Status(HttpStatusCode.Accepted);
            heat.On(method, dbRoute).Answer(_ =>
            {
                dbArrived.TrySetResult(true);
                return new HttpResponseMessage(HttpStatusCode.Accepted);
            });
            sent = route => heat.Requests.Single(r => r.Method == method.Method && r.Route == route);
            return heat;
        }

        [Fact]
        public void UpdateHeatStack_EachRecordsParametersAndTags_GoToItsOwnStack()
        {
            var heat = HeatHoldingWebUntil(HttpMethod.Put, "stacks/db/2", out var sent);
            using var host = new PowerShellHost(heat);

            var result = host.Run($"{Records} | Update-HeatStack -Template {Template} -Force -Session $session");

            NoErrors(result);
            Assert.Equal("web-flavor", (string)sent("stacks/web/1").Json["parameters"]["flavor"]);
            Assert.Equal("web-tag", (string)sent("stacks/web/1").Json["tags"]);
            Assert.Equal("db-flavor", (string)sent("stacks/db/2").Json["parameters"]["flavor"]);
            Assert.Equal("db-tag", (string)sent("stacks/db/2").Json["tags"]);
        }

        [Fact]
        public void UpdateHeatStackExisting_EachRecordsParameters_GoToItsOwnStack()
        {
            var heat = HeatHoldingWebUntil(new HttpMethod("PATCH"), "stacks/db/2", out var sent);
            using var host = new PowerShellHost(heat);

            var result = host.Run($"{Records} | Update-HeatStack -Existing -Force -Session $session");

            NoErrors(result);
            Assert.Equal("web-flavor", (string)sent("stacks/web/1").Json["parameters"]["flavor"]);
            Assert.Equal("db-flavor", (string)sent("stacks/db/2").Json["parameters"]["flavor"]);
        }

        [Fact]
        public void NewHeatStack_EachRecordsParametersAndTags_GoToItsOwnStack()
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Post, "stacks").Answer(request =>
            {
                var name = (string)Newtonsoft.Json.Linq.JObject.Parse(request.Content.ReadAsStringAsync().Result)["stack_name"];
                return FakeHeat.JsonResponse(HttpStatusCode.Created, new Newtonsoft.Json.Linq.JObject { ["stack"] = HeatFixtures.CreatedStack(name, name + "-id", heat.Endpoint) });
            });
            using var host = new PowerShellHost(heat);

            var result = host.Run($"{Records} | New-HeatStack -Template {Template} -Session $session");

            NoErrors(result);
            var bodies = heat.Sent(HttpMethod.Post).Select(r => r.Json).ToDictionary(b => (string)b["stack_name"]);
            Assert.Equal("web-flavor", (string)bodies["web"]["parameters"]["flavor"]);
            Assert.Equal("web-tag", (string)bodies["web"]["tags"]);
            Assert.Equal("db-flavor", (string)bodies["db"]["parameters"]["flavor"]);
            Assert.Equal("db-tag", (string)bodies["db"]["tags"]);
            // Written in the records' order, whichever create Heat answered first.
            Assert.Equal(new[] { "web", "db" }, result.Objects<Heat.Client.Models.HeatStack>().Select(s => s.StackName));
        }

        /// <summary>No error records; when there are, the failure says which, with their exceptions.</summary>
        private static void NoErrors(PowerShellHost.Result result) =>
            Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e.Exception}")));
    }
}
