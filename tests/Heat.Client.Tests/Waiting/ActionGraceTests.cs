using System;
using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>Which final state ends a wait: one of an awaited action, and after an action only once its own event was read.</summary>
    public class ActionGraceTests
    {
        private static StackWatchOptions Awaiting(bool afterAction, params string[] actions) =>
            new StackWatchOptions { Actions = actions, AfterAction = afterAction, NotBegunGrace = TimeSpan.FromMinutes(2) };

        [Fact]
        public void AfterAnAction_AFinalStateIsNotTheAnswer_UntilTheStacksOwnEventIsRead()
        {
            // A second delete of a DELETE_FAILED stack: right after the request Heat may still show the old failure.
            var grace = new ActionGrace(Awaiting(true, "DELETE"), Start);
            var failed = Stack("DELETE_FAILED");

            Assert.False(grace.EndsOnFirstRead(failed, Start));
            Assert.False(grace.Ends(failed, Start.AddSeconds(30)));

            grace.SawOwnEvent();

            Assert.True(grace.Ends(failed, Start.AddSeconds(31)));
        }

        [Fact]
        public void AfterAnAction_WithoutItsEvent_TheFinalStateIsTheAnswer_OncePastTheGrace()
        {
            var grace = new ActionGrace(Awaiting(true, "DELETE"), Start);

            Assert.False(grace.Ends(Stack("DELETE_FAILED"), Start.AddMinutes(2)));
            Assert.True(grace.Ends(Stack("DELETE_FAILED"), Start.AddMinutes(2).AddSeconds(1)));
        }

        [Fact]
        public void WithoutAnAction_AFinalStateOfAnAwaitedAction_EndsTheWaitAtOnce()
        {
            var grace = new ActionGrace(Awaiting(false, "CREATE", "ROLLBACK"), Start);

            Assert.True(grace.EndsOnFirstRead(Stack("ROLLBACK_COMPLETE"), Start));
            Assert.True(grace.Ends(Stack("CREATE_FAILED"), Start));
        }

        [Fact]
        public void AFinalStateOfAnotherAction_MeansTheAwaitedOneHasNotBegun_UntilTheGraceIsOver()
        {
            var grace = new ActionGrace(Awaiting(false, "UPDATE", "ROLLBACK"), Start);
            var created = Stack("CREATE_COMPLETE");

            Assert.False(grace.IsDone(created, Start.AddMinutes(1)));
            Assert.True(grace.IsDone(created, Start.AddMinutes(3)));
        }

        [Fact]
        public void NoActionsNamed_AnyFinalStateIsDone()
        {
            var grace = new ActionGrace(Awaiting(false), Start);

            Assert.True(grace.IsDone(Stack("SUSPEND_COMPLETE"), Start));
        }

        [Fact]
        public void AStackInProgress_IsNeverDone_PastTheGraceEither()
        {
            var grace = new ActionGrace(Awaiting(false, "UPDATE"), Start);

            Assert.False(grace.Ends(Stack("CREATE_IN_PROGRESS"), Start.AddHours(1)));
        }
    }
}
