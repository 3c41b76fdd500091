using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Heat.Client.Tests.Hostile;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>The one wait loop: events after a marker, the stack's own event as the end, a Heat that goes away.</summary>
    public class StackWatcherTests
    {
        private static readonly StackRef Web = new StackRef(SimulatedStack.Name, SimulatedStack.Id);

        private static StackWatchOptions Options(params string[] actions) => new StackWatchOptions
        {
            Actions = actions.ToList(),
            PollInterval = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(20),
        };

        private static HeatClient Client(FakeServer heat) => Hostile.Hostile.Client(heat);

        [Fact]
        public async Task Create_EndsOnTheStacksOwnEvent_ReadingEachEventOnce()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "a", "b");
            stack.Then(() => stack.Event("a", "CREATE_IN_PROGRESS"))
                 .Then(() => { stack.Event("a", "CREATE_COMPLETE"); stack.Event("b", "CREATE_IN_PROGRESS"); })
                 .Then(() => { })
                 .Then(() => { stack.Event("b", "CREATE_COMPLETE"); stack.Event(SimulatedStack.Name, "CREATE_COMPLETE"); });
            using (var heat = new FakeServer(stack.Handle))
            {
                var seen = new List<string>();
                var reports = new List<StackProgress>();
                var options = Options("CREATE", "ROLLBACK");
                options.IsNew = true;

                var final = await Client(heat).Stacks.WaitAsync(Web, options, p => { seen.AddRange(p.NewEvents.Select(e => e.Id)); reports.Add(p); }, default);

                Assert.Equal("CREATE_COMPLETE", final.StackStatus);
                Assert.Equal(stack.EventIds, seen);
                Assert.Equal(2, reports.Last().ResourcesTotal);
                Assert.Equal(2, reports.Last().ResourcesDone);
                // Each poll asks only for what follows the newest event seen.
                Assert.Equal(new string[] { null, "ev-001", "ev-003", "ev-003" }, stack.MarkersAsked.Take(4));
            }
        }

        [Fact]
        public async Task ExistingStack_StartsAfterTheNewestEvent_NeverReadingTheHistory()
        {
            var stack = new SimulatedStack("CREATE_COMPLETE", "a");
            stack.Event("a", "CREATE_COMPLETE");
            stack.Event(SimulatedStack.Name, "CREATE_COMPLETE");
            stack.Status = "UPDATE_IN_PROGRESS";
            stack.Then(() => { stack.Event("a", "UPDATE_COMPLETE"); stack.Event(SimulatedStack.Name, "UPDATE_COMPLETE"); });
            using (var heat = new FakeServer(stack.Handle))
            {
                var seen = new List<string>();

                var final = await Client(heat).Stacks.WaitAsync(Web, Options("UPDATE", "ROLLBACK"), p => seen.AddRange(p.NewEvents.Select(e => e.Id)), default);

                Assert.Equal("UPDATE_COMPLETE", final.StackStatus);
                Assert.Equal(new[] { "ev-003", "ev-004" }, seen);
                Assert.Equal("ev-002", stack.MarkersAsked.First());
            }
        }

        [Fact]
        public async Task WithAMarker_TheFinalStateBeforeTheAction_IsNotTheAnswer()
        {
            // A second delete of a DELETE_FAILED stack: right after the request Heat may still show the old failure.
            var stack = new SimulatedStack("DELETE_FAILED", "a");
            stack.Event(SimulatedStack.Name, "DELETE_FAILED");
            stack.Then(() => { })
                 .Then(() => { })
                 .Then(() => stack.Event(SimulatedStack.Name, "DELETE_IN_PROGRESS"))
                 .Then(() => stack.Event(SimulatedStack.Name, "DELETE_COMPLETE"));
            using (var heat = new FakeServer(stack.Handle))
            {
                var options = Options("DELETE");
                options.Marker = "ev-001";
                options.AfterAction = true;

                var final = await Client(heat).Stacks.WaitAsync(Web, options, null, default);

                Assert.Equal("DELETE_COMPLETE", final.StackStatus);
            }
        }

        [Fact]
        public async Task AnUpdateThatHasNotBegun_IsWaitedFor_NotTakenForTheOldFinalState()
        {
            var stack = new SimulatedStack("CREATE_COMPLETE", "a");
            stack.Then(() => { })
                 .Then(() => stack.Event(SimulatedStack.Name, "UPDATE_IN_PROGRESS"))
                 .Then(() => stack.Event(SimulatedStack.Name, "UPDATE_COMPLETE"));
            using (var heat = new FakeServer(stack.Handle))
            {
                var final = await Client(heat).Stacks.WaitAsync(Web, Options("UPDATE", "ROLLBACK"), null, default);

                Assert.Equal("UPDATE_COMPLETE", final.StackStatus);
            }
        }

        [Fact]
        public async Task ARollback_EndsTheWait_WithTheRollbacksStatus()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "a");
            stack.Then(() => { stack.Event("a", "CREATE_FAILED"); stack.Event(SimulatedStack.Name, "CREATE_FAILED"); stack.Event(SimulatedStack.Name, "ROLLBACK_IN_PROGRESS"); })
                 .Then(() => stack.Event(SimulatedStack.Name, "ROLLBACK_COMPLETE"));
            using (var heat = new FakeServer(stack.Handle))
            {
                var options = Options("CREATE", "ROLLBACK");
                options.IsNew = true;

                var final = await Client(heat).Stacks.WaitAsync(Web, options, null, default);

                Assert.Equal("ROLLBACK_COMPLETE", final.StackStatus);
            }
        }

        [Fact]
        public async Task AStackThatVanishes_CountsAsDeleted()
        {
            var stack = new SimulatedStack("DELETE_IN_PROGRESS", "a");
            stack.Then(() => stack.Gone = true);
            using (var heat = new FakeServer(stack.Handle))
            {
                var final = await Client(heat).Stacks.WaitAsync(Web, Options("DELETE"), null, default);

                Assert.Equal("DELETE_COMPLETE", final.StackStatus);
            }
        }

        [Fact]
        public async Task HeatGoingAwayForAWhile_DoesNotEndTheWait()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "a");
            stack.Then(() => stack.Down = true);
            using (var heat = new FakeServer(r =>
            {
                var reply = stack.Handle(r);
                if (stack.Down && stack.EventReads >= 1 && heat503s++ > 6)
                {
                    stack.Down = false;
                    stack.Event(SimulatedStack.Name, "CREATE_COMPLETE");
                }
                return reply;
            }))
            {
                var options = Options("CREATE", "ROLLBACK");
                options.IsNew = true;
                var client = Hostile.Hostile.Client(heat, o => o.MaxRetries = 0);

                var final = await client.Stacks.WaitAsync(Web, options, null, default);

                Assert.Equal("CREATE_COMPLETE", final.StackStatus);
                Assert.True(heat503s > 6);
            }
        }

        private int heat503s;

        [Fact]
        public async Task Timeout_IsATimeoutException_NamingTheLastStatus()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "a");
            using (var heat = new FakeServer(stack.Handle))
            {
                var options = Options("CREATE");
                options.Timeout = TimeSpan.FromMilliseconds(300);

                var error = await Assert.ThrowsAsync<HeatWaitTimeoutException>(() => Client(heat).Stacks.WaitAsync(Web, options, null, default));

                Assert.Contains("CREATE_IN_PROGRESS", error.Message);
                Assert.EndsWith("after 0.3 seconds.", error.Message);
            }
        }

        [Theory]
        [InlineData(60, "1 minute")]
        [InlineData(120, "2 minutes")]
        [InlineData(90, "1.5 minutes")]
        [InlineData(1, "1 second")]
        [InlineData(20, "20 seconds")]
        [InlineData(86400, "1440 minutes")]
        public void ADuration_ReadsAsASentenceSaysIt(int seconds, string expected)
        {
            Assert.Equal(expected, Heat.Client.Internal.Durations.Describe(TimeSpan.FromSeconds(seconds)));
        }

        [Fact]
        public async Task Timeout_UsesAllOfItsTime_NotEndingAPollEarly()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "a");
            using (var heat = new FakeServer(stack.Handle))
            {
                var options = Options("CREATE");
                options.PollInterval = TimeSpan.FromMilliseconds(400);
                options.Timeout = TimeSpan.FromSeconds(2);
                var watch = System.Diagnostics.Stopwatch.StartNew();

                await Assert.ThrowsAsync<HeatWaitTimeoutException>(() => Client(heat).Stacks.WaitAsync(Web, options, null, default));

                Assert.True(watch.Elapsed >= options.Timeout, $"ended after {watch.Elapsed}, before its timeout of {options.Timeout}");
            }
        }

        [Fact]
        public async Task AStackThatOnlyWaitsAtHooks_EndsTheWait_NamingThem()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "a", "b");
            stack.Then(() => { stack.Event("a", "CREATE_COMPLETE"); stack.Event("b", "INIT_COMPLETE", "CREATE paused until Hook pre-create is cleared"); });
            using (var heat = new FakeServer(stack.Handle))
            {
                var options = Options("CREATE", "ROLLBACK");
                options.IsNew = true;

                var error = await Assert.ThrowsAsync<HeatStackPausedException>(() => Client(heat).Stacks.WaitAsync(Web, options, null, default));

                Assert.Equal("b", Assert.Single(error.Hooks).ResourceName);
                Assert.Equal("pre-create", error.Hooks[0].HookType);
                Assert.Equal("CREATE_IN_PROGRESS", error.LastSeen.StackStatus);
            }
        }

        [Fact]
        public async Task AClearedHook_IsNoLongerAReasonToStop()
        {
            var stack = new SimulatedStack("CREATE_IN_PROGRESS", "b");
            stack.Then(() => stack.Event("b", "INIT_COMPLETE", "CREATE paused until Hook pre-create is cleared"))
                 .Then(() => stack.Event("b", "INIT_COMPLETE", "Hook pre-create is cleared"))
                 .Then(() => { stack.Event("b", "CREATE_COMPLETE"); stack.Event(SimulatedStack.Name, "CREATE_COMPLETE"); });
            using (var heat = new FakeServer(stack.Handle))
            {
                var options = Options("CREATE", "ROLLBACK");
                options.IsNew = true;

                var final = await Client(heat).Stacks.WaitAsync(Web, options, null, default);

                Assert.Equal("CREATE_COMPLETE", final.StackStatus);
            }
        }
    }
}
