using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Hostile
{
    /// <summary>
    /// Under the byte cap a server can still send more objects than memory holds: a page far longer than asked for, items
    /// without ids that can never be told apart, fresh pages for ever. Each has a bound, and the listing stays streamed.
    /// </summary>
    public class ListingBoundsTests
    {
        private static string Items(int from, int count) =>
            string.Join(",", Enumerable.Range(from, count).Select(i => "{\"id\": \"id-" + i + "\", \"stack_name\": \"s" + i + "\"}"));

        private static string Next(string route, int marker) =>
            ", \"links\": [{\"rel\": \"next\", \"href\": \"http://heat/v1/p1/" + route + "?marker=m" + marker + "\"}]";

        [Fact]
        public void A_page_longer_than_the_limit_asked_for_is_refused_whole()
        {
            using (var heat = new FakeServer(_ => FakeReply.Json("{\"stacks\": [" + Items(0, 4) + "]}")))
            {
                var error = Assert.Throws<HeatInvalidResponseException>(() =>
                    Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 3 }, default).ToList());

                Assert.Contains("more than the 3 items asked for (limit=3)", error.Message);
                Assert.Contains(heat.Url("v1/p1/stacks"), error.Message);
            }
        }

        [Fact]
        public void Items_without_an_id_are_dropped_and_a_page_of_nothing_else_ends_the_listing()
        {
            // Every page the same id-less items and a fresh marker: they can never be seen as repeats, so a listing that
            // kept them would never end.
            int calls = 0;
            using (var heat = new FakeServer(_ =>
            {
                var n = Interlocked.Increment(ref calls);
                var first = n == 1 ? Items(0, 1) + ", " : "";
                return FakeReply.Json("{\"stacks\": [" + first + "{}, {\"stack_name\": \"x\"}, {\"id\": \"\"}]" + Next("stacks", n) + "}");
            }))
            {
                var stacks = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = 4 }, default).Take(1000).ToList();

                Assert.Equal(new[] { "id-0" }, stacks.Select(s => s.Id));
                Assert.Equal(2, calls);
            }
        }

        private static FakeServer Resources(int count) =>
            new FakeServer(_ => FakeReply.Json("{\"resources\": [" + string.Join(",", Enumerable.Repeat("{}", count)) + "]}"));

        [Fact]
        public async Task A_list_without_paging_holds_no_more_than_a_listing_may_bring()
        {
            using (var heat = Resources(ListingLimits.MaxItems + 1))
            {
                var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() =>
                    Hostile.Client(heat).Resources.ListAsync(new StackRef("web", "1"), new ResourceListOptions(), default));

                Assert.Contains("\"resources\" list holds " + (ListingLimits.MaxItems + 1) + " items", error.Message);
                Assert.Contains("ListingLimits.MaxItems", error.Message);
            }
        }

        [Fact]
        public async Task A_body_of_more_values_than_any_answer_of_Heat_is_not_read_into_a_tree()
        {
            // 6 MB of {}: two million objects. 32 MiB of them took a resource listing past 3 GB.
            using (var heat = Resources(HeatJson.MaxValues + 1))
            {
                var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() =>
                    Hostile.Client(heat).Resources.ListAsync(new StackRef("web", "1"), new ResourceListOptions(), default));

                Assert.Contains("more than " + HeatJson.MaxValues + " values", error.Message);
                Assert.Contains(heat.Url("v1/p1/stacks/web/1/resources"), error.Message);
            }
        }

        /// <summary>Fresh ids on every page and a fresh marker every time; after <paramref name="stopAfter"/> pages, an empty page.</summary>
        private static FakeServer Endless(string envelope, string route, int pageSize, int stopAfter)
        {
            int pages = 0;
            return new FakeServer(_ =>
            {
                var n = Interlocked.Increment(ref pages);
                var items = n > stopAfter ? "" : Items((n - 1) * pageSize, pageSize);
                return FakeReply.Json("{\"" + envelope + "\": [" + items + "]" + Next(route, n) + "}");
            });
        }

        [Fact]
        public void A_listing_that_never_ends_stops_at_the_bound_and_stays_streamed()
        {
            const int pageSize = 10000;
            var pages = ListingLimits.MaxItems / pageSize + 2;
            using (var heat = Endless("stacks", "stacks", pageSize, pages))
            {
                var listing = Hostile.Client(heat).Stacks.List(new StackListOptions { PageSize = pageSize }, default);
                var written = 0;

                var error = Assert.Throws<HeatInvalidResponseException>(() =>
                {
                    foreach (var stack in listing)
                    {
                        // Streamed: the first object comes before the second page is asked for.
                        Assert.True(written > 0 || heat.Requests.Count == 1, "the second page was asked for before the first object was written");
                        written++;
                    }
                });

                Assert.Contains(ListingLimits.MaxItems + " items", error.Message);
                Assert.Contains("ListingLimits.MaxItems", error.Message);
                Assert.Equal(ListingLimits.MaxItems, written);
            }
        }

        [Fact]
        public async Task A_listing_gathered_whole_stops_at_the_same_bound()
        {
            const int pageSize = 10000;
            var pages = ListingLimits.MaxItems / pageSize + 2;
            using (var heat = Endless("events", "stacks/web/1/events", pageSize, pages))
            {
                var error = await Assert.ThrowsAsync<HeatInvalidResponseException>(() =>
                    Hostile.Client(heat).Events.ListAllAsync(new StackRef("web", "1"), new EventListOptions { PageSize = pageSize }, default));

                Assert.Contains(ListingLimits.MaxItems + " items", error.Message);
                Assert.Equal(ListingLimits.MaxItems / pageSize + 1, heat.Requests.Count);
            }
        }
    }
}
