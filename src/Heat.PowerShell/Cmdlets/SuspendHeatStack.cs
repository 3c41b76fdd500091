using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Suspends stacks (Heat's suspend action): their resources are suspended, where the resource type supports it.</para>
    /// <para type="description">With -Wait, every stack is waited for at once; a stack that does not reach SUSPEND_COMPLETE is an error record with Heat's reasons.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack))]
    public sealed class SuspendHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Suspend;

        protected override string StartedStatus => "SUSPEND_IN_PROGRESS";

        protected override string ActionText => "Suspend Heat stack";

        protected override Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken) =>
            client.Stacks.ActionAsync(stack, StackAction.Suspend, cancellationToken);
    }
}
