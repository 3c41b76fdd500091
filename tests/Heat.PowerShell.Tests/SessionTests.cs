using System;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>What every cmdlet shares: the default session per runspace, Disconnect-HeatService, -Verbose, Ctrl+C.</summary>
    public class SessionTests
    {
        [Theory]
        [InlineData("Get-HeatStack")]
        [InlineData("Get-HeatEvent web")]
        [InlineData("Get-HeatResource web")]
        [InlineData("Remove-HeatStack web -Force")]
        [InlineData("New-HeatStack web -Template x")]
        [InlineData("Test-HeatTemplate -Template x")]
        public void WithoutConnection_EveryCmdletSaysToConnectFirst(string command)
        {
            using var host = new PowerShellHost(null);

            var error = host.RunExpectingTermination(command).Terminating;

            Assert.StartsWith("HeatNotConnected,", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-HeatService", error.Exception.Message);
        }

        [Fact]
        public void DefaultSession_IsPerRunspace()
        {
            using var first = new PowerShellHost(new FakeHeat().ListsStacks(HeatFixtures.Stack("a", "1")));
            using var second = new PowerShellHost(null);

            first.MakeSessionTheDefault();
            var inFirst = first.Run("Get-HeatStack");
            var inSecond = second.RunExpectingTermination("Get-HeatStack");

            Assert.Equal("a", inFirst.Objects<HeatStack>().Single().StackName);
            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack", inSecond.Terminating.FullyQualifiedErrorId);
        }

        [Fact]
        public void DisconnectHeatService_ForgetsTheDefault_AndClosesTheSession()
        {
            using var host = new PowerShellHost(new FakeHeat());
            host.MakeSessionTheDefault();

            host.Run("Disconnect-HeatService");
            var after = host.RunExpectingTermination("Get-HeatStack");

            Assert.True(host.Session.IsDisposed);
            Assert.Equal("HeatNotConnected,Heat.PowerShell.Cmdlets.GetHeatStack", after.Terminating.FullyQualifiedErrorId);
        }

        [Fact]
        public void DisconnectedSession_IsASessionClosedError()
        {
            var heat = new FakeHeat().ListsStacks();
            using var host = new PowerShellHost(heat);
            host.Session.Dispose();

            var error = host.RunExpectingTermination("Get-HeatStack -Session $session").Terminating;

            Assert.StartsWith("HeatSessionClosed,", error.FullyQualifiedErrorId);
            Assert.Empty(heat.Requests);
        }

        [Fact]
        public void Verbose_ShowsRequests_ButNeverTheToken()
        {
            var heat = new FakeHeat().ListsStacks(HeatFixtures.Stack("a", "1"));
            using var host = new PowerShellHost(heat);

            var result = host.Run("Get-HeatStack -Session $session -Verbose");

            // One line per request: method, URL, status and time.
            var line = Assert.Single(result.Verbose);
            Assert.Matches("^GET " + System.Text.RegularExpressions.Regex.Escape(heat.Endpoint + "/stacks?limit=100") + @" -> 200 OK in \d+ ms$", line);
            Assert.Equal(FakeHeat.Token, heat.Requests.Single().Header("X-Auth-Token"));
            Assert.DoesNotContain(result.Verbose, v => v.Contains(FakeHeat.Token));
        }

        [Fact]
        public void Stop_EndsARequestInFlight_NotJustTheNextOne()
        {
            var heat = new FakeHeat();
            var started = new ManualResetEventSlim();
            heat.On(HttpMethod.Get, "stacks").Hang(started.Set);
            using var host = new PowerShellHost(heat);
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = host.Runspace;
            ps.AddScript("Get-HeatStack -Session $session");
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var running = ps.BeginInvoke();
            Assert.True(started.Wait(TimeSpan.FromSeconds(10)), "the request never started");
            ps.Stop();

            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"Stop took {watch.Elapsed}");
        }
    }
}
