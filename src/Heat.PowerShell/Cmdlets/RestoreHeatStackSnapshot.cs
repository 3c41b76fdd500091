using System;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.PowerShell.Operations;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Restores a stack to one of its snapshots.</summary>
    /// <remarks>
    /// <para>Restore-HeatStackSnapshot asks Heat to restore the stack from the snapshot (<c>openstack stack snapshot
    /// restore</c>): the template and parameters as they were, and resources rebuilt from their snapshot data. It
    /// changes the stack, so ConfirmImpact is High: PowerShell asks unless -Force.</para>
    /// <para>With -Wait, it waits until the stack is RESTORE_COMPLETE; a stack that does not get there is an error record
    /// with Heat's reasons. Like every cmdlet that changes a stack, it writes the stack only with -PassThru (as it
    /// started, or with -Wait as it ended). A piped snapshot gives its stack and id.</para>
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

        /// <summary>Write each stack restored: at once as it started (RESTORE_IN_PROGRESS), or with -Wait as it
        /// ended. Without it nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var snapshotId = SnapshotId;
            bool passThru = PassThru;
            foreach (var target in ResolveTargets())
            {
                if (!ShouldAct($"{Describe(target)} from snapshot {snapshotId}", "Restore Heat stack", Force)) continue;
                Start(new StackOperation("Restore Heat stack", target, target.ToString(), async (client, stack, cancellationToken) =>
                {
                    await client.Snapshots.RestoreAsync(stack, snapshotId, cancellationToken).ConfigureAwait(false);
                    return new Sent(stack);
                })
                {
                    Goal = Wait ? WaitGoal.Restore : null,
                    WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                    Started = passThru ? sent => new HeatStack { StackName = sent.Stack.StackName, Id = sent.Stack.StackId, StackStatus = "RESTORE_IN_PROGRESS" } : (Func<Sent, object>)null,
                    Finished = passThru ? (host, sent, final) => final : (Func<IOperationHost, Sent, HeatStack, object>)null,
                });
            }
        }
    }
}
