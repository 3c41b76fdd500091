using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Takes a snapshot of stacks; with -Wait, waits until each is SNAPSHOT_COMPLETE and returns the finished snapshot.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HeatStackSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HeatStackSnapshot))]
    public sealed class NewHeatStackSnapshot : StackTargetCmdlet
    {
        private readonly List<PendingWait> _pending = new List<PendingWait>();
        private readonly Dictionary<StackRef, HeatStackSnapshot> _taken = new Dictionary<StackRef, HeatStackSnapshot>();

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string SnapshotName { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        protected override void ProcessRecord()
        {
            foreach (var target in ResolveTargets())
            {
                if (!ShouldProcess(Describe(target), "Take a snapshot of Heat stack")) continue;
                TryItem("HeatStackSnapshot", target.ToString(), () =>
                {
                    var stack = Await(Client.Stacks.ResolveAsync(target, CancellationToken));
                    var marker = Wait ? Await(Client.Stacks.NewestEventIdAsync(stack, CancellationToken)) : null;
                    var snapshot = Await(Client.Snapshots.CreateAsync(stack, SnapshotName, CancellationToken));
                    if (!Wait)
                    {
                        WriteObject(snapshot);
                        return;
                    }
                    _taken[stack] = snapshot;
                    _pending.Add(Pending(stack, WaitGoal.Snapshot, TimeSpan.FromMinutes(WaitTimeoutMinutes), marker));
                });
            }
        }

        protected override void EndProcessing()
        {
            // The finished snapshot, read again: its status and data are those Heat stored at the end.
            FinishWaits(_pending, WaitGoal.Snapshot, output: outcome =>
            {
                var taken = _taken[outcome.Stack];
                HeatStackSnapshot finished = taken;
                TryItem("HeatStackSnapshot", taken.Id, () => finished = Await(Client.Snapshots.GetAsync(outcome.Stack, taken.Id, CancellationToken)));
                return finished;
            });
        }
    }
}
