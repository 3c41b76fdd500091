using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell
{
    /// <summary>The outcome of waiting for one stack.</summary>
    internal sealed class WaitOutcome
    {
        public StackRef Stack { get; set; }

        public HeatStack Final { get; set; }

        public Exception Error { get; set; }
    }

    /// <summary>
    /// Waits for many stacks at once: each stack is polled by the client on its own task, and what they
    /// report goes through the cmdlet's queue so that progress is written from the pipeline thread only.
    /// </summary>
    internal static class StackWaiter
    {
        /// <summary>The progress bar's id for an activity: the same for its updates and for its completion.</summary>
        public static int ProgressId(string activity) => Math.Abs(activity.GetHashCode() % 100000) + 1;

        /// <summary>Starts the waits; the caller awaits <c>Task</c> on the pipeline thread, draining its queue.</summary>
        public static (Task All, WaitOutcome[] Outcomes) Start(HeatClient client, IReadOnlyList<StackRef> stacks, TimeSpan timeout,
            string activity, Action<Action> post, Action<ProgressRecord> writeProgress, CancellationToken cancellationToken,
            bool untilGone = false, int maxConcurrent = 8)
        {
            var outcomes = stacks.Select(s => new WaitOutcome { Stack = s }).ToArray();
            var statuses = new string[stacks.Count];
            int done = 0;
            var gate = new SemaphoreSlim(maxConcurrent);
            var progress = new ProgressRecord(ProgressId(activity), activity, "Waiting for Heat");

            void Report()
            {
                var finished = Volatile.Read(ref done);
                progress.PercentComplete = stacks.Count == 0 ? 100 : Math.Min(100, finished * 100 / stacks.Count);
                var busy = statuses.Select((s, i) => s == null ? null : $"{stacks[i]}: {s}").Where(s => s != null).Take(3);
                progress.StatusDescription = $"{finished} of {stacks.Count} done. {string.Join("; ", busy)}";
                writeProgress(progress);
            }

            var tasks = stacks.Select(async (stack, index) =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    outcomes[index].Final = await client.Stacks.WaitAsync(stack, timeout, seen =>
                    {
                        statuses[index] = seen.StackStatus;
                        post(Report);
                    }, untilGone, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    outcomes[index].Error = e;
                }
                finally
                {
                    gate.Release();
                    Interlocked.Increment(ref done);
                    post(Report);
                }
            }).ToArray();
            return (Task.WhenAll(tasks), outcomes);
        }
    }
}
