using Heat.Client.Models;
using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>A stack in progress with nothing moving but resources paused at hooks ends the wait, naming them.</summary>
    public class HookWatchTests
    {
        private const string Paused = "CREATE paused until Hook pre-create is cleared";
        private const string Cleared = "Hook pre-create is cleared";

        [Fact]
        public void APausedResource_OfAStackInProgress_IsStuck_AndNamed()
        {
            var hooks = new HookWatch();

            hooks.Observe(new[] { Event("e1", "a", "CREATE_COMPLETE"), Event("e2", "b", "INIT_COMPLETE", Paused) });

            Assert.True(hooks.IsStuck(Stack("CREATE_IN_PROGRESS")));
            var hook = Assert.Single(hooks.Paused);
            Assert.Equal(("b", "pre-create", "s1"), (hook.ResourceName, hook.HookType, hook.StackId));
        }

        [Fact]
        public void AClearedHook_IsNoLongerAReasonToStop()
        {
            var hooks = new HookWatch();

            hooks.Observe(new[] { Event("e1", "b", "INIT_COMPLETE", Paused), Event("e2", "b", "INIT_COMPLETE", Cleared) });

            Assert.False(hooks.IsStuck(Stack("CREATE_IN_PROGRESS")));
            Assert.Empty(hooks.Paused);
        }

        [Fact]
        public void TheSameNameInANestedStack_IsAnotherResource()
        {
            var hooks = new HookWatch();

            hooks.Observe(new[] { Event("e1", "b", "INIT_COMPLETE", Paused), Event("e2", "b", "INIT_COMPLETE", Paused, stackId: "nested-1") });
            hooks.Observe(new[] { Event("e3", "b", "INIT_COMPLETE", Cleared) });

            Assert.Equal("nested-1", Assert.Single(hooks.Paused).StackId);
        }

        [Fact]
        public void AStackThatIsNotInProgress_IsNotStuck()
        {
            var hooks = new HookWatch();

            hooks.Observe(new[] { Event("e1", "b", "INIT_COMPLETE", Paused) });

            Assert.False(hooks.IsStuck(Stack("CREATE_FAILED")));
        }

        [Fact]
        public void HeatIsAsked_OnceOnly_AndOnlyForAQuietStackInProgressWithNoPauseSeen()
        {
            var hooks = new HookWatch();
            Assert.False(hooks.ShouldAsk(Stack("CREATE_COMPLETE")));
            Assert.True(hooks.ShouldAsk(Stack("CREATE_IN_PROGRESS")));

            hooks.Asked(new HeatStackHook[0]);

            Assert.False(hooks.ShouldAsk(Stack("CREATE_IN_PROGRESS")));
        }

        [Fact]
        public void WhatHeatSaysIsPaused_CountsAsSeen()
        {
            var hooks = new HookWatch();

            hooks.Asked(new[] { new HeatStackHook { StackName = "web", StackId = "s1", ResourceName = "b", HookType = "pre-create" } });

            Assert.True(hooks.IsStuck(Stack("CREATE_IN_PROGRESS")));
        }
    }
}
