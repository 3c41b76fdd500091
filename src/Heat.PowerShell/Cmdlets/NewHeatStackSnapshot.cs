using System;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Takes a snapshot of stacks.</summary>
    /// <remarks>
    /// <para>New-HeatStackSnapshot asks Heat to snapshot each stack (<c>openstack stack snapshot create</c>): Heat
    /// records the template, parameters and the data of each resource that supports snapshots (volumes, servers ...).
    /// Without -Wait it writes the new snapshot as Heat accepted it (IN_PROGRESS).</para>
    /// <para>With -Wait, every snapshot is waited for at once until its stack is SNAPSHOT_COMPLETE, and the finished
    /// snapshot is written; a snapshot that fails is an error record with Heat's reason. A piped snapshot pipes into
    /// Restore-HeatStackSnapshot.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-HeatStackSnapshot web-prod before-upgrade -Wait
    /// </code>
    /// <para>Takes a snapshot named before-upgrade and waits until it is complete.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStackSnapshot web-prod -Wait | Restore-HeatStackSnapshot -Force -Wait
    /// </code>
    /// <para>Takes a snapshot, then restores the stack to it (as a test of the restore).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "HeatStackSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HeatStackSnapshot))]
    public sealed class NewHeatStackSnapshot : StackTargetCmdlet
    {
        /// <summary>A name for the snapshot. Left out, Heat leaves the name empty.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string SnapshotName { get; set; }

        /// <summary>Wait until each snapshot is complete (the stack SNAPSHOT_COMPLETE), then write it; a failed one is
        /// an error record.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for each snapshot, in minutes (1 to 10080, a week).</summary>
        [Parameter]
        [ValidateRange(1, WaitTimeouts.MaxMinutes)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        protected override void ProcessRecord()
        {
            foreach (var target in ResolveTargets())
            {
                if (!ShouldAct(Describe(target), "Take a snapshot of Heat stack")) continue;
                Start(new StackOperation("Take a snapshot of Heat stack", target, target.ToString(), SendSnapshot(SnapshotName))
                {
                    ErrorNoun = "HeatStackSnapshot",
                    Goal = Wait ? WaitGoal.Snapshot : null,
                    WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                    Started = sent => sent.Made,
                    Finished = ReadAgain,
                });
            }
        }

        private static SendStack SendSnapshot(string name) => async (client, stack, cancellationToken) =>
            new Sent(stack, await client.Snapshots.CreateAsync(stack, name, cancellationToken).ConfigureAwait(false));

        /// <summary>The finished snapshot, read again: its status and data are those Heat stored at the end.</summary>
        private static object ReadAgain(IOperationHost host, Sent sent, HeatStack final)
        {
            var taken = (HeatStackSnapshot)sent.Made;
            var finished = taken;
            host.TryItem("HeatStackSnapshot", taken.Id, () => finished = host.Await(host.Client.Snapshots.GetAsync(sent.Stack, taken.Id, host.CancellationToken)));
            return finished;
        }
    }
}
