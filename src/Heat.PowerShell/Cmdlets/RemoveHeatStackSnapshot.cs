using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Deletes snapshots of a stack.</summary>
    /// <remarks>
    /// <para>Remove-HeatStackSnapshot deletes the snapshot (<c>openstack stack snapshot delete</c>); the stack is not
    /// changed. ConfirmImpact is High: PowerShell asks unless -Force, and -WhatIf says what would go. Piped snapshots
    /// give their stack and id; a missing snapshot is a non-terminating HeatStackSnapshotNotFound error and the rest go
    /// on. Nothing is written.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Remove-HeatStackSnapshot web-prod 8f5c0b5e-4c7b-4a52-9a55-0d4c1f4f8e11
    /// </code>
    /// <para>Deletes that snapshot of web-prod, after asking.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackSnapshot web-prod | Remove-HeatStackSnapshot -Force
    /// </code>
    /// <para>Deletes every snapshot of web-prod without asking.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "HeatStackSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveHeatStackSnapshot : SnapshotCmdlet
    {
        /// <summary>Delete without asking for confirmation (-WhatIf still only reports).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                if (!ShouldAct($"{Describe(stack)} snapshot {SnapshotId}", "Remove Heat stack snapshot", Force)) continue;
                TryItem("HeatStackSnapshot", SnapshotId, () => Await(Client.Snapshots.DeleteAsync(stack, SnapshotId, CancellationToken)));
            }
        }
    }
}
