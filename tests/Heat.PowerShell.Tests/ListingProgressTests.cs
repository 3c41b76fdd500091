using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>A listing that pages for a while shows a count, paced by the clock; a quick one shows nothing.</summary>
    public class ListingProgressTests
    {
        /// <summary>Items arriving every <paramref name="step"/> for <paramref name="length"/>, on a clock the test drives.</summary>
        private static List<ProgressRecord> List(TimeSpan length, TimeSpan step, Action<ProgressRecord> drawing = null)
        {
            var now = TimeSpan.Zero;
            var progress = new ListingProgress("Reading the events of web", () => now);
            var written = new List<ProgressRecord>();
            for (; now < length; now += step)
            {
                progress.Counted();
                progress.Render(r => { drawing?.Invoke(r); written.Add(r); });
            }
            progress.Complete(written.Add);
            return written;
        }

        [Fact]
        public void AQuickListing_DrawsNothing()
        {
            Assert.Empty(List(TimeSpan.FromSeconds(2.9), TimeSpan.FromMilliseconds(10)));
        }

        [Fact]
        public void ALongListing_DrawsTheCountAboutOnceASecond_ThenCompletes()
        {
            var written = List(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10));

            // From 3 s to 10 s, once a second: 7 or 8 records, and the completion.
            Assert.InRange(written.Count(r => r.RecordType == ProgressRecordType.Processing), 7, 8);
            Assert.Equal("301 so far", written[0].StatusDescription);
            var last = written.Last();
            Assert.Equal(ProgressRecordType.Completed, last.RecordType);
            Assert.Equal("1000 in all", last.StatusDescription);
        }

        [Fact]
        public void AHostThatDrawsSlowly_IsDrawnOnce_ThenNeverAgain_NotEvenCompleted()
        {
            var written = List(TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(100), _ => System.Threading.Thread.Sleep(300));

            // At 3 s; that record was slow, so none after it: no count at 33 s, and no completion.
            Assert.Equal(ProgressRecordType.Processing, Assert.Single(written).RecordType);
        }

        [Fact]
        public void GetHeatEvent_OverManySlowPages_ShowsTheCount()
        {
            var result = ListSlowly(host => { });

            Assert.Equal(350, result.Output.Count);
            Assert.Contains(result.Progress, p => p.Activity == "Reading the events of web" && p.RecordType == ProgressRecordType.Processing);
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
            Assert.Equal("350 in all", result.Progress.Last().StatusDescription);
        }

        [Fact]
        public void GetHeatEvent_InATerminalThatDoesNotAnswer_DrawsOneRecord_AndSaysSoOnceInVerbose()
        {
            TestHost console = null;
            // 400 ms a record: what a console host under script(1) costs, shortened (it waited 3.6 s there).
            var result = ListSlowly(host => { console = host.Host; console.ProgressDelay = TimeSpan.FromMilliseconds(400); }, "-Verbose");

            Assert.Equal(350, result.Output.Count);
            Assert.Equal(ProgressRecordType.Processing, Assert.Single(console.Drawn).RecordType);
            var said = Assert.Single(result.Verbose, v => v.StartsWith("Progress is off for the rest of this command", StringComparison.Ordinal));
            Assert.Contains("$ProgressPreference = 'SilentlyContinue'", said);
        }

        /// <summary>Get-HeatEvent over four pages of about a second each (the count shows from 3 s on).</summary>
        private static PowerShellHost.Result ListSlowly(Action<PowerShellHost> setUp, string switches = "")
        {
            var events = Enumerable.Range(0, 350).Select(i => HeatFixtures.Event("e" + i.ToString("000"), "r", "CREATE_COMPLETE", "web", "s1")).ToArray();
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web/s1/events").Answer(async request =>
            {
                await Task.Delay(1100);
                var query = request.RequestUri.Query;
                int start = query.Contains("marker=") ? Array.FindIndex(events, e => query.Contains("marker=" + (string)e["id"])) + 1 : 0;
                var page = events.Skip(start).Take(100).ToArray();
                return FakeHeat.JsonResponse(HttpStatusCode.OK, new JObject { ["events"] = new JArray(page.Cast<object>().ToArray()) });
            });
            using var host = new PowerShellHost(heat);
            setUp(host);
            return host.Run("Get-HeatEvent -StackName web -StackId s1 -Session $session " + switches);
        }
    }
}
