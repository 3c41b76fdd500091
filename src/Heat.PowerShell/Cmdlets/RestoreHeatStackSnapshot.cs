using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Restores a stack to one of its snapshots.</summary>
    /// <remarks>
    /// <para>Restore-HeatStackSnapshot asks Heat to restore the stack from the snapshot (<c>openstack stack snapshot
    /// restore</c>): the template and parameters as they were, and resources rebuilt from their snapshot data. It
    /// changes the stack, so ConfirmImpact is High: PowerShell asks unless -Force.</para>
    /// <para>With -Wait, it waits until the stack is RESTORE_COMPLETE and writes it; a stack that does not get there is
    /// an error record with Heat's reasons. A piped snapshot gives its stack and id.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Restore-HeatStackSnapshot web-prod 8f5c0b5e-4c7b-4a52-9a55-0d4c1f4f8e11 -Wait
    /// </code>
    /// <para>Restores web-prod to that snapshot, after asking, and waits.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackSnapshot web-prod | Where-Object Name -eq before-upgrade | Restore-HeatStackSnapshot -Force -Wait
    /// </code>
    /// <para>Restores the snapshot named before-upgrade without asking.</para>
    /// </example>
    [Cmdlet(VerbsData.Restore, "HeatStackSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class RestoreHeatStackSnapshot : SnapshotCmdlet
    {
        private readonly List<PendingWait> _pending = new List<PendingWait>();

        /// <summary>Restore without asking for confirmation (-WhatIf still only reports).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the stack is RESTORE_COMPLETE, then write it; a restore that fails is an error record
        /// with Heat's reasons.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait, in minutes (1 to 1440).</summary>
        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        protected override void ProcessRecord()
        {
            foreach (var target in ResolveTargets())
            {
                if (!ShouldAct($"{Describe(target)} from snapshot {SnapshotId}", "Restore Heat stack", Force)) continue;
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
