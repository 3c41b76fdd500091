using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Restores a stack to one of its snapshots: template, parameters and resources' data as they were.</para>
    /// <para type="description">ConfirmImpact High (-Force to skip the prompt). With -Wait, waits until the stack is
    /// RESTORE_COMPLETE and writes it; a stack that does not get there is an error record with Heat's reasons.</para>
    /// </summary>
    [Cmdlet(VerbsData.Restore, "HeatStackSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class RestoreHeatStackSnapshot : SnapshotCmdlet
    {
        private readonly List<PendingWait> _pending = new List<PendingWait>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        protected override void ProcessRecord()
        {
            foreach (var target in ResolveTargets())
            {
                if (!ShouldProcessUnlessForced(Force, $"{Describe(target)} from snapshot {SnapshotId}", "Restore Heat stack")) continue;
                TryItem("HeatStack", target.ToString(), () =>
                {
                    var stack = Await(Client.Stacks.ResolveAsync(target, CancellationToken));
                    var marker = Wait ? Await(Client.Stacks.NewestEventIdAsync(stack, CancellationToken)) : null;
                    Await(Client.Snapshots.RestoreAsync(stack, SnapshotId, CancellationToken));
                    if (Wait) _pending.Add(Pending(stack, WaitGoal.Restore, TimeSpan.FromMinutes(WaitTimeoutMinutes), marker));
                });
            }
        }

        protected override void EndProcessing() => FinishWaits(_pending, WaitGoal.Restore, output: outcome => outcome.Final);
    }
}
