using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>A deletion waited for until gone ends when the list no longer shows the stack, or a grace after DELETE_COMPLETE.</summary>
    public class GoneWatchTests
    {
        [Fact]
        public void OnlyADeletedStack_WaitedForUntilGone_MustLeaveTheList()
        {
            Assert.True(new GoneWatch(untilGone: true).MustLeaveList(Stack("DELETE_COMPLETE")));
            Assert.False(new GoneWatch(untilGone: true).MustLeaveList(Stack("DELETE_FAILED")));
            Assert.False(new GoneWatch(untilGone: false).MustLeaveList(Stack("DELETE_COMPLETE")));
        }

        [Fact]
        public void AStackStillListed_IsWaitedFor_UntilTheGraceAfterItWasFirstSeenListed()
        {
            var gone = new GoneWatch(untilGone: true);
            Assert.False(gone.IsWaitingForList);

            Assert.False(gone.StillListed(Start));
            Assert.True(gone.IsWaitingForList);
            Assert.False(gone.StillListed(Start + GoneWatch.Grace));
            Assert.True(gone.StillListed(Start + GoneWatch.Grace + System.TimeSpan.FromSeconds(1)));
        }
    }
}
