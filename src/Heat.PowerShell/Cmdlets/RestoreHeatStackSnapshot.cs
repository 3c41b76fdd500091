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
    public sealed class RestoreHeatStackSnapshot : StackActionCmdlet
    {
        /// <summary>The snapshot's id (Get-HeatStackSnapshot lists them). A piped snapshot gives it, with its
        /// stack.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        public string SnapshotId { get; set; }

        internal override WaitGoal Goal => WaitGoal.Restore;

        /// <summary>Heat's 404 to the restore is about the snapshot: HeatStackSnapshotNotFound, as Get- and
        /// Remove-HeatStackSnapshot say it.</summary>
        internal override string ErrorNoun => "HeatStackSnapshot";

        protected override string ActionText => $"Restore Heat stack from snapshot {SnapshotId}";

        internal override SendStack CaptureSend()
        {
            var snapshotId = SnapshotId;
            return async (client, stack, cancellationToken) =>
            {
                await client.Snapshots.RestoreAsync(stack, snapshotId, cancellationToken).ConfigureAwait(false);
                return new Sent(stack);
            };
        }
    }
}
