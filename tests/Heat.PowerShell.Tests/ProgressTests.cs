using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Heat.Client;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// How much a wait draws: a terminal that never answers the console host's cursor query costs seconds a progress
    /// record (seen under script(1)), so the number of records a wait writes must follow the clock, not the events.
    /// </summary>
    public class ProgressTests
    {
        private static StackWaiter Waiter(int stacks) =>
            new StackWaiter(Enumerable.Range(0, stacks).Select(i => new PendingWait(new StackRef("s" + i, "id" + i), WaitGoal.Create, new StackWatchOptions())).ToList(), "Creating Heat stacks");

        /// <summary>Feeds a stream of progress for <paramref name="seconds"/>, drawing as a wait does (every 50 ms).</summary>
        private static int Run(StackWaiter waiter, double seconds, Action<ProgressRecord> write)
        {
            int records = 0;
            waiter.StartClock();
            var watch = Stopwatch.StartNew();
            int n = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                waiter.Saw(n % 3, new StackProgress { StackStatus = "CREATE_IN_PROGRESS", ResourcesDone = n, ResourcesTotal = 1000 });
                n++;
                waiter.Render(r => { records++; write(r); });
                Thread.Sleep(50);
            }
            return records;
        }

        [Fact]
        public void AShortWait_DrawsNothing()
        {
            var records = Run(Waiter(3), 2.0, _ => { });

            Assert.Equal(0, records);
        }

        [Fact]
        public void AHostThatDrawsSlowly_GetsTheOverallBarOnce_AndNothingMore_NotEvenItsCompletion()
        {
            // 300 ms a record; a wait of 4.5 s with a status change every 50 ms.
            var waiter = Waiter(3);
            var records = Run(waiter, 4.5, _ => Thread.Sleep(300));
            waiter.Complete(_ => records++);

            Assert.Equal(1, records);
        }

        [Fact]
        public void AHostThatDrawsFast_GetsABarPerStack_UnderTheOverallOne()
        {
            var written = new System.Collections.Generic.List<ProgressRecord>();

            Run(Waiter(3), 4.5, written.Add);

            var parent = written.First().ActivityId;
            Assert.Equal(3, written.Where(r => r.ParentActivityId == parent).Select(r => r.ActivityId).Distinct().Count());
            Assert.True(written.Count <= 1 + 4 * 2, $"{written.Count} records for a 4.5 s wait");
        }
    }
}
