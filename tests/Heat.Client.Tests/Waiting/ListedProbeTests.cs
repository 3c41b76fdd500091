using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>Waits for deleted stacks to leave the list share one listing when they ask at about the same time.</summary>
    public class ListedProbeTests
    {
        /// <summary>A stack list holding stacks a, b and c (ids a-1, b-1, c-1), recording each listing's names.</summary>
        private sealed class FakeList
        {
            public readonly List<string[]> Listings = new List<string[]>();
            public Func<CancellationToken, Task> Before = _ => Task.CompletedTask;
            private readonly HashSet<string> _listed = new HashSet<string> { "a", "b", "c" };

            public async Task<IReadOnlyCollection<string>> ListIds(IReadOnlyList<string> names, CancellationToken token)
            {
                lock (Listings) Listings.Add(names.OrderBy(n => n).ToArray());
                await Before(token);
                return names.Where(_listed.Contains).Select(n => n + "-1").ToList();
            }
        }

        [Fact]
        public async Task WaitsAskingTogether_ShareOneListing_AndEachGetsItsOwnAnswer()
        {
            var list = new FakeList();
            var probe = new ListedProbe(list.ListIds);

            var answers = await Task.WhenAll(
                probe.IsListedAsync(new StackRef("a", "a-1"), CancellationToken.None),
                probe.IsListedAsync(new StackRef("b", "b-old"), CancellationToken.None),   // another stack now has that name
                probe.IsListedAsync(new StackRef("gone", "g-1"), CancellationToken.None),
                probe.IsListedAsync(new StackRef("c", "c-1"), CancellationToken.None));

            Assert.Equal(new[] { true, false, false, true }, answers);
            var listing = Assert.Single(list.Listings);
            Assert.Equal(new[] { "a", "b", "c", "gone" }, listing);
        }

        [Fact]
        public async Task AWaitAskingAfterTheListingWasSent_GetsAListingOfItsOwn()
        {
            var list = new FakeList();
            var probe = new ListedProbe(list.ListIds);

            Assert.True(await probe.IsListedAsync(new StackRef("a", "a-1"), CancellationToken.None));
            Assert.True(await probe.IsListedAsync(new StackRef("b", "b-1"), CancellationToken.None));

            Assert.Equal(2, list.Listings.Count);
        }

        [Fact]
        public async Task AListingHoldsAtMostOnePageOfNames()
        {
            var list = new FakeList();
            var probe = new ListedProbe(list.ListIds);

            await Task.WhenAll(Enumerable.Range(0, ListedProbe.MaxNames + 5)
                .Select(i => probe.IsListedAsync(new StackRef("s" + i, "id" + i), CancellationToken.None)));

            Assert.Equal(new[] { ListedProbe.MaxNames, 5 }, list.Listings.Select(l => l.Length).OrderByDescending(n => n));
        }

        [Fact]
        public async Task TheWaitThatOpenedTheBatchIsCancelled_TheOthersStillGetTheirAnswer()
        {
            var list = new FakeList();
            var probe = new ListedProbe(list.ListIds);
            using var first = new CancellationTokenSource();

            var cancelled = probe.IsListedAsync(new StackRef("a", "a-1"), first.Token);
            var other = probe.IsListedAsync(new StackRef("b", "b-1"), CancellationToken.None);
            first.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            Assert.True(await other);
            // The batch never went out; the other wait asked alone.
            Assert.Equal(new[] { "b" }, Assert.Single(list.Listings));
        }

        [Fact]
        public async Task AFailedListing_FailsEveryWaitOfItsBatch()
        {
            var list = new FakeList { Before = _ => Task.FromException(new InvalidOperationException("Heat is busy")) };
            var probe = new ListedProbe(list.ListIds);

            var a = probe.IsListedAsync(new StackRef("a", "a-1"), CancellationToken.None);
            var b = probe.IsListedAsync(new StackRef("b", "b-1"), CancellationToken.None);

            Assert.Equal("Heat is busy", (await Assert.ThrowsAsync<InvalidOperationException>(() => a)).Message);
            await Assert.ThrowsAsync<InvalidOperationException>(() => b);
            Assert.Single(list.Listings);
        }
    }
}
