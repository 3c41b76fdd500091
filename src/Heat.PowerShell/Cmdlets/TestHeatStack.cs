using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Checks stacks against what really exists (Heat's check action): each resource's state is verified, and a stack whose resources are gone ends CHECK_FAILED.</para>
    /// <para type="description">With -Wait, every stack is waited for at once; a stack that does not reach CHECK_COMPLETE is an error record with Heat's reasons.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack))]
    public sealed class TestHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Check;

        protected override string StartedStatus => "CHECK_IN_PROGRESS";

        protected override string ActionText => "Check Heat stack";

        protected override Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken) =>
            client.Stacks.ActionAsync(stack, StackAction.Check, cancellationToken);
    }
}
