using System;
using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>A wait ends at its deadline, as a timeout that names the stack and the last status it saw.</summary>
    public class DeadlineTests
    {
        [Fact]
        public void ItHasPassed_OnlyWhenNoTimeRemains()
        {
            var deadline = new Deadline(Start, TimeSpan.FromMinutes(5));

            Assert.Equal(TimeSpan.FromMinutes(1), deadline.Remaining(Start.AddMinutes(4)));
            Assert.False(deadline.HasPassed(Start.AddMinutes(4)));
            Assert.True(deadline.HasPassed(Start.AddMinutes(5)));
        }

        [Fact]
        public void StillInProgress_NamesTheStackTheStatusAndTheTimeout()
        {
            var lastSeen = Stack("UPDATE_IN_PROGRESS");

            var error = new Deadline(Start, TimeSpan.FromMinutes(2)).StillInProgress(Web, "UPDATE_IN_PROGRESS", lastSeen);

            Assert.Equal("Stack 'web' is still UPDATE_IN_PROGRESS after 2 minutes.", error.Message);
            Assert.Equal((Web, "UPDATE_IN_PROGRESS", TimeSpan.FromMinutes(2)), (error.Stack, error.LastStatus, error.Timeout));
            Assert.Same(lastSeen, error.LastSeen);
            Assert.IsAssignableFrom<HeatException>(error);
        }

        [Fact]
        public void Unanswered_SaysHeatDidNotAnswer_AndKeepsTheCause()
        {
            var cause = new HeatConnectionException("GET", new Uri("http://heat/v1/p/stacks/web"), "connection refused");

            var error = new Deadline(Start, TimeSpan.FromSeconds(30)).Unanswered(Web, null, cause);

            Assert.StartsWith("Stack 'web' was last seen (never); Heat did not answer before the timeout of 30 seconds", error.Message);
            Assert.Null(error.LastStatus);
            Assert.Same(cause, error.InnerException);
        }
    }
}
