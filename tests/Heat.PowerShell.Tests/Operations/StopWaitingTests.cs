using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests.Operations
{
    public class StopWaitingTests
    {
        [Fact]
        public void CtrlCDuringAWait_SaysHeatGoesOn_AndHowToWaitAgain()
        {
            var heat = new FakeHeat().ShowsStack(HeatFixtures.StackDetail("web", "1", "UPDATE_IN_PROGRESS"));
            var polled = new ManualResetEventSlim();
            heat.On(HttpMethod.Get, "stacks/web/1/events").Answer(_ =>
            {
                polled.Set();
                return FakeHeat.JsonResponse(HttpStatusCode.OK, HeatFixtures.List("events"));
            });
            using var host = new PowerShellHost(heat);
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = host.Runspace;
            ps.AddScript("Wait-HeatStack web -Session $session");

            var running = ps.BeginInvoke();
            Assert.True(polled.Wait(TimeSpan.FromSeconds(30)), "the wait never polled");
            ps.Stop();

            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.Contains(host.Host.Lines, l => l.StartsWith("WARNING: Stopped waiting for web: Heat goes on with it. Wait-HeatStack web waits again."));
        }
    }
}
