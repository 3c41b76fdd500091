using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Cancels an update in progress: Heat rolls the stack back, or with -NoRollback leaves it as it
    /// is.</summary>
    /// <remarks>
    /// <para>Stop-HeatStack sends Heat's cancel_update action (<c>openstack stack cancel</c>) to each stack, after
    /// confirmation (ConfirmImpact High; -Force skips it): Heat stops the update and rolls back to what the stack was.
    /// -NoRollback sends cancel_without_rollback instead: the update stops and the stack stays UPDATE_FAILED with what
    /// was done so far.</para>
    /// <para>With -Wait, success is ROLLBACK_COMPLETE (UPDATE_FAILED with -NoRollback); an update that completed before
    /// it could be cancelled is an error record. Heat refuses to cancel a stack that is not being
    /// updated: that stack is an error record with Heat's reason, and the others go on.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Stop-HeatStack web-prod -Wait
    /// </code>
    /// <para>Cancels the update of web-prod and waits until the rollback is complete.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Stop-HeatStack web-prod -NoRollback -Force
    /// </code>
    /// <para>Stops the update where it is, without rolling back and without asking.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class StopHeatStack : StackActionCmdlet
    {
        /// <summary>Cancel without rolling back (Heat's cancel_without_rollback): the resources stay as the update left
        /// them and the stack ends UPDATE_FAILED.</summary>
        [Parameter]
        public SwitchParameter NoRollback { get; set; }

        internal override WaitGoal Goal => NoRollback ? WaitGoal.CancelWithoutRollback : WaitGoal.CancelUpdate;

        protected override string ActionText => NoRollback ? "Cancel the update of Heat stack without rollback" : "Cancel the update of Heat stack";

        internal override SendStack CaptureSend() => Sends.Action(NoRollback ? StackAction.CancelWithoutRollback : StackAction.CancelUpdate);
    }
}
