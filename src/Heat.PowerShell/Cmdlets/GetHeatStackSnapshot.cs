using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists a stack's snapshots, or gets one by id (with the data Heat stored).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackSnapshot")]
    [OutputType(typeof(HeatStackSnapshot))]
    public sealed class GetHeatStackSnapshot : StackTargetCmdlet
    {
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SnapshotId { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStackSnapshot", SnapshotId ?? stack.ToString(), () =>
                {
                    if (SnapshotId != null)
                    {
                        WriteObject(Await(Client.Snapshots.GetAsync(stack, SnapshotId, CancellationToken)));
                        return;
                    }
                    foreach (var snapshot in Await(Client.Snapshots.ListAsync(stack, CancellationToken))) WriteObject(snapshot);
                });
            }
        }
    }
}
