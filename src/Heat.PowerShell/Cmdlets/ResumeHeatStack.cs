using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Resumes suspended stacks (Heat's resume action).</para>
    /// <para type="description">With -Wait, every stack is waited for at once; a stack that does not reach RESUME_COMPLETE is an error record with Heat's reasons.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack))]
    public sealed class ResumeHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Resume;

        protected override string StartedStatus => "RESUME_IN_PROGRESS";

        protected override string ActionText => "Resume Heat stack";

        protected override Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken) =>
            client.Stacks.ActionAsync(stack, StackAction.Resume, cancellationToken);
    }
}
