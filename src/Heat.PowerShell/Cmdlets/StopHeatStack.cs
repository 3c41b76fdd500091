using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Cancels an update in progress: Heat rolls the stack back (or, with -NoRollback, leaves it UPDATE_FAILED).</para>
    /// <para type="description">With -Wait, success is ROLLBACK_COMPLETE (UPDATE_FAILED with -NoRollback); an update
    /// that completed before it could be cancelled is an error record.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class StopHeatStack : StackActionCmdlet
    {
        /// <summary>Cancel without rolling back: the resources stay as the update left them (Heat's cancel_without_rollback).</summary>
        [Parameter]
        public SwitchParameter NoRollback { get; set; }

        internal override WaitGoal Goal => NoRollback ? WaitGoal.CancelWithoutRollback : WaitGoal.CancelUpdate;

        protected override string StartedStatus => NoRollback ? "UPDATE_IN_PROGRESS" : "ROLLBACK_IN_PROGRESS";

        protected override string ActionText => NoRollback ? "Cancel the update of Heat stack without rollback" : "Cancel the update of Heat stack";

        protected override Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken) =>
            client.Stacks.ActionAsync(stack, NoRollback ? StackAction.CancelWithoutRollback : StackAction.CancelUpdate, cancellationToken);
    }
}
