using System;
using System.Linq;
using System.Threading;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>A listing ends, whatever markers and links a server invents, and never shows an object twice.</summary>
    public class PagingTests
    {
        private static string Page(int from, int count, string next = null)
        {
            var stacks = string.Join(",", Enumerable.Range(from, count).Select(i => TestCloud.StackJson("s" + i, "id-" + i)));
            var links = next == null ? "" : ", \"links\": [{\"rel\": \"next\", \"href\": \"" + next + "\"}]";
            return "{\"stacks\": [" + stacks + "]" + links + "}";
        }

        [Fact]
        public void ServerInventingANewMarkerEachTime_ForTheSamePage_StopsAfterTheSecondPage()
        {
            int calls = 0;
            using (var heat = new FakeServer(r =>
            {
                var n = Interlocked.Increment(ref calls);
                return FakeReply.Json(Page(0, 3, "http://heat/v1/p1/stacks?marker=m" + n));
            }))
            {
                var stacks = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, default).ToList();

                Assert.Equal(new[] { "id-0", "id-1", "id-2" }, stacks.Select(s => s.Id));
                Assert.Equal(2, calls);
            }
        }

        [Fact]
        public void NextLinkThatRepeatsItself_DoesNotRepeatItems()
        {
            using (var heat = new FakeServer(r => r.Query.Contains("marker=")
                ? FakeReply.Json(Page(2, 3, "http://heat/v1/p1/stacks?marker=same"))
                : FakeReply.Json(Page(0, 3, "http://heat/v1/p1/stacks?marker=same"))))
            {
                var stacks = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, default).ToList();

                Assert.Equal(new[] { "id-0", "id-1", "id-2", "id-3", "id-4" }, stacks.Select(s => s.Id));
                Assert.Equal(2, heat.Requests.Count);
            }
        }

        [Fact]
        public void EmptyPageWithANextLink_EndsTheListing()
        {
            int calls = 0;
            using (var heat = new FakeServer(r =>
            {
                var n = Interlocked.Increment(ref calls);
                return FakeReply.Json(n == 1 ? Page(0, 2, "http://heat/v1/p1/stacks?marker=a") : "{\"stacks\": [], \"links\": [{\"rel\": \"next\", \"href\": \"http://heat/v1/p1/stacks?marker=x" + n + "\"}]}");
            }))
            {
                var stacks = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 2 }, default).ToList();

                Assert.Equal(2, stacks.Count);
                Assert.Equal(2, calls);
            }
        }

        [Fact]
        public void HonestPaging_ReadsEveryPage()
        {
            using (var heat = new FakeServer(r =>
            {
                var marker = r.Query.Split('&').FirstOrDefault(p => p.StartsWith("marker="))?.Substring(7);
                var from = marker == null ? 0 : int.Parse(marker.Substring(3)) + 1;
                return FakeReply.Json(Page(from, Math.Min(3, 10 - from)));
            }))
            {
                var stacks = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, default).ToList();

                Assert.Equal(Enumerable.Range(0, 10).Select(i => "id-" + i), stacks.Select(s => s.Id));
            }
        }

        [Fact]
        public void IdsThatDifferOnlyInCase_AreDifferentObjects_AndARepeatedUuidIsWrittenOnce()
        {
            const string uuid = "5b1f7c1e-0000-4000-8000-00000000b16b";
            var stacks = "[" + string.Join(",", new[] { uuid, uuid.ToUpperInvariant(), uuid, "plain", "plain" }.Select((id, i) => TestCloud.StackJson("s" + i, id))) + "]";
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stacks\": " + stacks + "}")))
            {
                var listed = Hostile.Client(heat).Stacks.List(new StackListOptions(), default).ToList();

                Assert.Equal(new[] { uuid, uuid.ToUpperInvariant(), "plain" }, listed.Select(s => s.Id));
            }
        }
    }
}
