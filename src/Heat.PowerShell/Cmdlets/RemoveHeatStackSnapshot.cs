using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes a snapshot of a stack (ConfirmImpact High; -Force to skip the prompt).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "HeatStackSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveHeatStackSnapshot : SnapshotCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                if (!ShouldProcessUnlessForced(Force, $"{Describe(stack)} snapshot {SnapshotId}", "Remove Heat stack snapshot")) continue;
                TryItem("HeatStackSnapshot", SnapshotId, () => Await(Client.Snapshots.DeleteAsync(stack, SnapshotId, CancellationToken)));
            }
        }
    }
}
