using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Waits for every piped stack at once until each ends what it is doing, and writes the final stacks.</para>
    /// <para type="description">Strict: *_FAILED and a completed rollback are error records carrying Heat's reason and
    /// the failed resources' reasons; the other stacks still complete. A deleted or vanished stack counts as deleted.
    /// -Timeout ends each unfinished wait with an OperationTimeout error. Reads only new events while it waits.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "HeatStack")]
    [OutputType(typeof(HeatStack))]
    public sealed class WaitHeatStack : StackTargetCmdlet
    {
        private readonly List<PendingWait> _pending = new List<PendingWait>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Seconds to wait for each stack.</summary>
        [Parameter]
        [ValidateRange(1, 7 * 24 * 3600)]
        [Alias("TimeoutSec")]
        public int Timeout { get; set; } = 3600;

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                // Events and resources of one stack pipe in many times: wait for it once.
                if (!_seen.Add(stack.StackId ?? stack.StackName)) continue;
                _pending.Add(new PendingWait(stack, new StackWatchOptions
                {
                    Actions = WaitGoal.Any.Actions,
                    Timeout = TimeSpan.FromSeconds(Timeout),
                    UntilGone = false,
                }));
            }
        }

        protected override void EndProcessing()
        {
            FinishWaits(_pending, WaitGoal.Any, output: outcome => outcome.Final, outputFailed: true);
        }
    }
}
