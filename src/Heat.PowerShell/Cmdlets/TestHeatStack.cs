using System;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Checks stacks against what really exists (Heat's check action).</summary>
    /// <remarks>
    /// <para>Test-HeatStack sends Heat's check action (<c>openstack stack check</c>): each resource asks its service
    /// whether it still exists as Heat believes, and a stack whose resources are gone or broken ends CHECK_FAILED.
    /// Stacks are checked concurrently (-ThrottleLimit), after confirmation (ConfirmImpact Medium; -Force skips
    /// it).</para>
    /// <para>With -Wait, every stack is waited for at once; a stack that does not reach CHECK_COMPLETE is an error
    /// record with Heat's reasons. -Detailed waits too, then writes a HeatStackFailure for each resource whose check
    /// failed, nested stacks included, with Heat's reason; a nested stack resource that failed only because a resource
    /// below it did is not written, that resource is.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Test-HeatStack web-prod -Wait
    /// </code>
    /// <para>Checks web-prod and waits for the result; a failed check is an error record.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack web-* | Test-HeatStack -Detailed -Force | Format-Table StackName, ResourceName, ResourceStatusReason
    /// </code>
    /// <para>Checks every web- stack and lists the resources that failed their check, with the reason.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack), typeof(HeatStackFailure))]
    public sealed class TestHeatStack : StackActionCmdlet, Fleet.IFleetReader
    {
        /// <summary>After the check, write a HeatStackFailure for each resource whose check failed (nested stacks
        /// included), with Heat's reason. Implies -Wait.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        internal override WaitGoal Goal => WaitGoal.Check;

        protected override string ActionText => "Check Heat stack";

        protected override bool Waits => Wait || Detailed;

        internal override SendStack CaptureSend() => Sends.Action(StackAction.Check);

        internal override Action<IOperationHost, StackRef, HeatStack> CaptureEnded() => Detailed ? ReportCheck : (Action<IOperationHost, StackRef, HeatStack>)null;

        private static void ReportCheck(IOperationHost host, StackRef stack, HeatStack final)
        {
            host.TryItem("HeatStack", stack.ToString(), () =>
            {
                // CHECK_FAILED only: the report is about this check, whatever else failed before it.
                var options = new FailureWalkOptions { Action = "CHECK" };
                var failed = host.Await(new FailureWalker(host.Client).FindAsync(stack, options, host.CancellationToken));
                foreach (var failure in failed) host.WriteObject(failure);
                if (failed.Count == 0) host.WriteVerbose($"No resource of {Describe(stack)} failed its check.");
            });
        }
    }
}
