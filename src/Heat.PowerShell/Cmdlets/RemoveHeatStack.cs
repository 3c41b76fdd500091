using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes stacks by name, id or piped objects; one failure does not stop the rest.</para>
    /// <para type="description">With -Wait, every deletion is started first and then all are waited for at once.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class RemoveHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Delete;

        protected override void ProcessRecord()
        {
            foreach (var stackRef in Targets())
            {
                var target = stackRef;
                if (!Proceed(Describe(target), "Remove Heat stack")) continue;
                TryItem("HeatStack", target.ToString(), () =>
                {
                    HeatStack stack = null;
                    if (target.StackId == null || target.StackName == null)
                    {
                        // Resolve once: the id makes the delete and any wait exact.
                        stack = Await(Client.Stacks.GetAsync(target, CancellationToken));
                        target = RefOf(stack);
                    }
                    var marker = MarkerBeforeAction(target);
                    Await(Client.Stacks.DeleteAsync(target, CancellationToken));
                    WriteVerbose($"Deleting stack {Describe(target)}.");
                    stack = stack ?? new HeatStack { StackName = target.StackName, Id = target.StackId };
                    stack.StackStatus = "DELETE_IN_PROGRESS";
                    Started(target, stack, marker);
                });
            }
        }

        /// <summary>A deleted stack as it was before, marked DELETE_COMPLETE (Heat no longer shows it).</summary>
        protected override HeatStack Final(HeatStack started, HeatStack seen)
        {
            started.StackStatus = "DELETE_COMPLETE";
            return started;
        }
    }
}
