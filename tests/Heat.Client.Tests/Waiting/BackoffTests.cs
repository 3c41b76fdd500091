using System;
using Xunit;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>Polls slow down while nothing happens, speed up on news, and never sleep past the deadline.</summary>
    public class BackoffTests
    {
        private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

        [Fact]
        public void NothingHappening_GrowsOneAndAHalfTimes_UpToTenTimesTheFirst()
        {
            var backoff = new Backoff(First);
            Assert.Equal(First, backoff.Current);

            backoff.Grow();
            Assert.Equal(TimeSpan.FromSeconds(1.5), backoff.Current);

            for (int i = 0; i < 20; i++) backoff.Grow();
            Assert.Equal(TimeSpan.FromSeconds(10), backoff.Current);
        }

        [Fact]
        public void News_BringsALongSleepBack_ToFiveTimesTheFirst()
        {
            var backoff = new Backoff(First);
            for (int i = 0; i < 20; i++) backoff.Grow();

            backoff.News();

            Assert.Equal(TimeSpan.FromSeconds(5), backoff.Current);
        }

        [Fact]
        public void News_LeavesAShortSleepAsItIs()
        {
            var backoff = new Backoff(First);
            backoff.Grow();

            backoff.News();

            Assert.Equal(TimeSpan.FromSeconds(1.5), backoff.Current);
        }

        [Fact]
        public void Hurry_IsHalfTheFirst()
        {
            var backoff = new Backoff(First);
            for (int i = 0; i < 5; i++) backoff.Grow();

            backoff.Hurry();

            Assert.Equal(TimeSpan.FromSeconds(0.5), backoff.Current);
        }

        [Fact]
        public void TheSleep_NeverGoesPastWhatRemains()
        {
            var backoff = new Backoff(First);

            Assert.Equal(First, backoff.Before(TimeSpan.FromMinutes(1)));
            Assert.Equal(TimeSpan.FromMilliseconds(300), backoff.Before(TimeSpan.FromMilliseconds(300)));
        }
    }
}
