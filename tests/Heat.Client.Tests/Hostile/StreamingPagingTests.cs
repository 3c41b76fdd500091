using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>
    /// A listing is parsed page by page as it arrives and the next page is fetched while the caller works through the
    /// current one; the limits of a whole body (size after decompression, depth, the envelope) hold for a streamed page.
    /// </summary>
    public class StreamingPagingTests
    {
        private static string Stacks(int from, int count) =>
            string.Join(",", Enumerable.Range(from, count).Select(i => TestCloud.StackJson("s" + i, "id-" + i)));

        private static string Page(int from, int count) => "{\"stacks\": [" + Stacks(from, count) + "]}";

        /// <summary>Honest limit/marker paging over <paramref name="total"/> stacks, <paramref name="size"/> a page.</summary>
        private static Func<FakeRequest, FakeReply> Honest(int total, int size, Func<int, FakeReply> pageAt = null) => r =>
        {
            var marker = r.Query.Split('&').FirstOrDefault(p => p.StartsWith("marker="))?.Substring(7);
            var from = marker == null ? 0 : int.Parse(marker.Substring(3)) + 1;
            return pageAt?.Invoke(from) ?? FakeReply.Json(Page(from, Math.Min(size, total - from)));
        };

        private static bool WaitFor(Func<bool> condition, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > timeout) return false;
                Thread.Sleep(10);
            }
            return true;
        }

        [Fact]
        public void FirstObject_ArrivesBeforeTheSecondPageIsRequested_AndTheSecondPageIsFetchedWhileTheFirstIsConsumed()
        {
            // Events, not clocks: the server says when page 2 is asked for and holds its answer until the test lets it
            // go, so the order is checked whatever the machine's speed. The times below only end a hang.
            var hang = TimeSpan.FromMinutes(2);
            using (var secondAsked = new ManualResetEventSlim())
            using (var secondMayAnswer = new ManualResetEventSlim())
            using (var heat = new FakeServer(Honest(9, 3, from =>
            {
                if (from != 3) return null;
                secondAsked.Set();
                secondMayAnswer.Wait(hang);
                return null;
            })))
            using (var stacks = Hostile.Client(heat, o => o.Timeout = hang).Stacks.List(new StackListOptions { PageSize = 3 }, default).GetEnumerator())
            {
                Assert.True(stacks.MoveNext());
                Assert.Equal("id-0", stacks.Current.Id);
                // A listing that asked for page 2 before the consumer came back would be seen here (it is the next
                // request the server gets); 300 ms is room for such a bug to show, not a bound on the code.
                Assert.False(secondAsked.Wait(TimeSpan.FromMilliseconds(300)), "page 2 was asked for before the consumer came back");
                Assert.Single(heat.Requests);

                // The consumer comes back for the second object of page 1: page 2 is asked for now, not when page 1 runs
                // out, and the two objects left of page 1 come while its answer is still held back.
                Assert.True(stacks.MoveNext());
                Assert.Equal("id-1", stacks.Current.Id);
                Assert.True(secondAsked.Wait(hang), "page 2 was not asked for while page 1 was consumed");
                Assert.Contains("marker=id-2", heat.Requests.Last().Query);
                Assert.True(stacks.MoveNext());
                Assert.Equal("id-2", stacks.Current.Id);
                secondMayAnswer.Set();

                var rest = new List<string>();
                while (stacks.MoveNext()) rest.Add(stacks.Current.Id);
                Assert.Equal(Enumerable.Range(3, 6).Select(i => "id-" + i), rest);
                Assert.Equal(4, heat.Requests.Count); // three full pages, then the empty one that ends the listing
            }
        }

        [Fact]
        public void PageWhoseJsonBreaksMidStream_IsAnError_AfterTheWholePagesBeforeIt_AndNothingOfItself()
        {
            // Page 2 starts as the promised envelope with two good stacks, then turns into a proxy's HTML.
            var broken = "{\"stacks\": [" + Stacks(3, 2) + ", <html><body>Gateway timeout</body></html>";
            using (var heat = new FakeServer(Honest(9, 3, from => from == 3 ? FakeReply.Json(broken) : null)))
            {
                var seen = new List<string>();
                var error = Assert.Throws<HeatInvalidResponseException>(() =>
                {
                    foreach (var stack in Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, default)) seen.Add(stack.Id);
                });

                // What the user got: page 1 whole; nothing of the broken page, not even its two good stacks.
                Assert.Equal(new[] { "id-0", "id-1", "id-2" }, seen);
                Assert.Contains("not the JSON", error.Message);
                Assert.Contains("marker=id-2", error.Message);
            }
        }

        [Fact]
        public void PageWithSomethingElseThanObjectsInTheList_IsAnError()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stacks\": [" + Stacks(0, 1) + ", \"s1\"]}")))
            {
                var error = Assert.Throws<HeatInvalidResponseException>(() => Hostile.Client(heat).Stacks.List(new StackListOptions(), default).ToList());

                Assert.Contains("a string where an object was expected", error.Message);
            }
        }

        [Fact]
        public void PageWithoutTheEnvelope_IsAnError_NotAnEmptyList()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stack\": " + Stacks(0, 1) + "}")))
            {
                var error = Assert.Throws<HeatInvalidResponseException>(() => Hostile.Client(heat).Stacks.List(new StackListOptions(), default).ToList());

                Assert.Contains("no \"stacks\" list", error.Message);
            }
        }

        [Fact]
        public void PageWithTextAfterTheDocument_IsAnError()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json(Page(0, 1) + " {\"stacks\": []}")))
            {
                var error = Assert.Throws<HeatInvalidResponseException>(() => Hostile.Client(heat).Stacks.List(new StackListOptions(), default).ToList());

                Assert.Contains("not the JSON", error.Message);
            }
        }

        [Fact]
        public void PageNestedTooDeep_IsAnError_NotACrash()
        {
            var deep = "{\"stacks\": [{\"id\": \"x\", \"parameters\": " + new string('[', 100000) + new string(']', 100000) + "}]}";
            using (var heat = new FakeServer(_ => FakeReply.Json(deep)))
            {
                var error = Assert.Throws<HeatInvalidResponseException>(() => Hostile.Client(heat).Stacks.List(new StackListOptions(), default).ToList());

                Assert.Contains("MaxDepth of 256", error.Message);
            }
        }

        [Fact]
        public void GzipBombPage_IsCappedAfterDecompression()
        {
            // A valid start, then 64 MiB of spaces, in well under 1 MiB of gzip.
            var bomb = Hostile.GzipBomb("{\"stacks\": [" + Stacks(0, 1) + ",");
            Assert.True(bomb.Length < 1024 * 1024);
            using (var heat = new FakeServer(_ => new FakeReply { Body = bomb }.Header("Content-Type", "application/json").Header("Content-Encoding", "gzip")))
            {
                var client = Hostile.Client(heat, o => o.MaxResponseBytes = 4 * 1024 * 1024);

                var error = Assert.Throws<HeatInvalidResponseException>(() => client.Stacks.List(new StackListOptions(), default).ToList());

                Assert.Contains("over the limit of 4194304 bytes", error.Message);
            }
        }

        [Fact]
        public void EndlessPage_StopsAtTheLimit()
        {
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var start = Encoding.ASCII.GetBytes("{\"stacks\": [");
                    await stream.WriteAsync(start, 0, start.Length, token);
                    var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(TestCloud.StackJson("s", "id") + ",", 100)));
                    while (!token.IsCancellationRequested) await stream.WriteAsync(chunk, 0, chunk.Length, token);
                },
            }.Header("Content-Type", "application/json")))
            {
                var client = Hostile.Client(heat, o => o.MaxResponseBytes = 2 * 1024 * 1024);

                var error = Assert.Throws<HeatInvalidResponseException>(() => client.Stacks.List(new StackListOptions(), default).ToList());

                Assert.Contains("over the limit of 2097152 bytes", error.Message);
            }
        }

        [Fact]
        public async Task Cancelling_WhileTheNextPageIsInFlight_EndsAtOnce()
        {
            using (var heat = new FakeServer(Honest(9, 3, from => from == 3 ? new FakeReply { Delay = TimeSpan.FromSeconds(30) } : null)))
            using (var cancel = new CancellationTokenSource())
            {
                var stacks = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, cancel.Token).GetEnumerator();
                for (int i = 0; i < 3; i++) Assert.True(stacks.MoveNext());
                Assert.True(WaitFor(() => heat.Requests.Count == 2, TimeSpan.FromSeconds(5)), "page 2 was not asked for");

                // The consumer waits for page 2, which the server holds back; then the user presses Ctrl+C.
                var watch = Stopwatch.StartNew();
                var waiting = Task.Run(() => stacks.MoveNext());
                await Task.Delay(300);
                Assert.False(waiting.IsCompleted);
                cancel.Cancel();

                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
                stacks.Dispose();
            }
        }

        [Fact]
        public void StoppingEarly_DoesNotWaitForThePageInFlight()
        {
            using (var heat = new FakeServer(Honest(9, 3, from => from == 3 ? new FakeReply { Delay = TimeSpan.FromSeconds(30) } : null)))
            {
                var watch = Stopwatch.StartNew();

                // Select-Object -First 2: page 2 has been asked for, and is not needed.
                var first = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, default).Take(2).Select(s => s.Id).ToList();

                Assert.Equal(new[] { "id-0", "id-1" }, first);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
            }
        }

        [Fact]
        public void Events_StreamAcrossPages_WithTheirStack()
        {
            string EventsPage(int from, int count) => "{\"events\": [" + string.Join(",", Enumerable.Range(from, count).Select(i =>
                "{\"id\": \"e" + i + "\", \"resource_name\": \"r\", \"resource_status\": \"CREATE_COMPLETE\", \"event_time\": \"2024-01-01T00:00:00\"}")) + "]}";
            using (var heat = new FakeServer(r =>
            {
                var marker = r.Query.Split('&').FirstOrDefault(p => p.StartsWith("marker="))?.Substring(7);
                var from = marker == null ? 0 : int.Parse(marker.Substring(1)) + 1;
                return FakeReply.Json(EventsPage(from, Math.Min(2, 5 - from)));
            }))
            {
                var events = Hostile.Client(heat).Events.List(new StackRef("web", "1"), new EventListOptions { PageSize = 2 }, default).ToList();

                Assert.Equal(new[] { "e0", "e1", "e2", "e3", "e4" }, events.Select(e => e.Id));
                Assert.All(events, e => Assert.Equal("web", e.StackName));
            }
        }

        [Fact]
        public async Task EventsGatheredForAWait_EndOnARepeatedMarker_AndTakeNoIdTwice()
        {
            // Every page the same two events and a next link to the same marker: what a wait gathers still ends.
            const string page = "{\"events\": [{\"id\": \"e1\", \"resource_name\": \"r\"}, {\"id\": \"e2\", \"resource_name\": \"r\"}], " +
                                "\"links\": [{\"rel\": \"next\", \"href\": \"http://heat/v1/p1/stacks/web/1/events?marker=e2\"}]}";
            using (var heat = new FakeServer(_ => FakeReply.Json(page)))
            {
                var events = await Hostile.Client(heat).Events.ListAllAsync(new StackRef("web", "1"), new EventListOptions { PageSize = 2 }, default);

                Assert.Equal(new[] { "e1", "e2" }, events.Select(e => e.Id));
                Assert.Equal(2, heat.Requests.Count);
            }
        }

        [Fact]
        public async Task PageThatStopsMidStream_EndsAtTheTimeout()
        {
            // The envelope opens, then nothing more: the read in flight must end at the request's timeout.
            using (var heat = new FakeServer(_ => new FakeReply
            {
                StreamBody = async (stream, token) =>
                {
                    var start = Encoding.ASCII.GetBytes("{\"stacks\": [" + Stacks(0, 1) + ",");
                    await stream.WriteAsync(start, 0, start.Length, token);
                    await stream.FlushAsync(token);
                    await Task.Delay(Timeout.Infinite, token);
                },
            }.Header("Content-Type", "application/json")))
            {
                var client = Hostile.Client(heat, o =>
                {
                    o.Timeout = TimeSpan.FromSeconds(1);
                    o.MaxRetries = 0;
                });

                var listing = Task.Run(() => client.Stacks.List(new StackListOptions(), default).ToList());
                var ended = await Task.WhenAny(listing, Task.Delay(TimeSpan.FromSeconds(30)));

                Assert.Same(listing, ended);
                var error = await Hostile.Throws<HeatConnectionException>(() => listing);
                Assert.True(error.IsTimeout);
            }
        }
    }
}
