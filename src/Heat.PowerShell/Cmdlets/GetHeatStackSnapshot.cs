using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists a stack's snapshots, or gets one by id with the data Heat stored.</summary>
    /// <remarks>
    /// <para>Without -SnapshotId, Get-HeatStackSnapshot lists the snapshots of each stack (<c>openstack stack snapshot
    /// list</c>): id, name, status, reason and creation time. With -SnapshotId, it reads that snapshot (<c>openstack
    /// stack snapshot show</c>) including the Data Heat stored (template, environment, resources' data). Each
    /// HeatStackSnapshot carries its StackName and StackId, so it pipes into Restore-HeatStackSnapshot and
    /// Remove-HeatStackSnapshot.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackSnapshot web-prod
    /// </code>
    /// <para>Lists the snapshots of web-prod.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackSnapshot web-prod | Where-Object CreationTime -lt (Get-Date).AddDays(-30) | Remove-HeatStackSnapshot -Force
    /// </code>
    /// <para>Deletes the snapshots older than 30 days.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStackSnapshot")]
    [OutputType(typeof(HeatStackSnapshot))]
    public sealed class GetHeatStackSnapshot : StackTargetCmdlet
    {
        /// <summary>One snapshot, by id, read with its data. Left out: the list of the stack's snapshots.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
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
