using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes stacks by name (wildcards match the list), id or piped objects; one failure does not stop the rest.</para>
    /// <para type="description">Each stack is confirmed on its own (ConfirmImpact High) unless -Force. Deletions run
    /// concurrently (-ThrottleLimit); with -Wait, all are waited for at once, and a stack that does not go reports the
    /// resources that blocked it. A stack in DELETE_FAILED is deleted again.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class RemoveHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Delete;

        protected override string StartedStatus => "DELETE_IN_PROGRESS";

        protected override string ActionText => "Remove Heat stack";

        protected override Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken) =>
            client.Stacks.DeleteAsync(stack, cancellationToken);

        /// <summary>A deleted stack as it was, marked DELETE_COMPLETE (Heat may no longer show it).</summary>
        protected override HeatStack Final(HeatStack started, HeatStack seen)
        {
            started.StackStatus = "DELETE_COMPLETE";
            return started;
        }
    }
}
