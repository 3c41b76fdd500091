using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Checks stacks against what really exists (Heat's check action): each resource's state is verified, and a stack whose resources are gone ends CHECK_FAILED.</para>
    /// <para type="description">With -Wait, every stack is waited for at once; a stack that does not reach CHECK_COMPLETE is an error record with Heat's reasons.
    /// -Detailed (which waits) then writes each resource whose check failed, nested stacks included, as a HeatStackFailure: a
    /// nested stack resource that failed its check only because a resource below it did is not written, that resource is.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack), typeof(HeatStackFailure))]
    public sealed class TestHeatStack : StackActionCmdlet
    {
        /// <summary>After the check, write the resources whose check failed and why. Implies -Wait.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        internal override WaitGoal Goal => WaitGoal.Check;

        protected override string StartedStatus => "CHECK_IN_PROGRESS";

        protected override string ActionText => "Check Heat stack";

        protected override bool Waits => Wait || Detailed;

        protected override Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken) =>
            client.Stacks.ActionAsync(stack, StackAction.Check, cancellationToken);

        internal override void Ended(StackRef stack, HeatStack final)
        {
            if (!Detailed) return;
            TryItem("HeatStack", stack.ToString(), () =>
            {
                // CHECK_FAILED only: the report is about this check, whatever else failed before it.
                var options = new FailureWalkOptions { Action = "CHECK" };
                var failed = Await(new FailureWalker(Client).FindAsync(stack, options, CancellationToken));
                foreach (var failure in failed) WriteObject(failure);
                if (failed.Count == 0) WriteVerbose($"No resource of {Describe(stack)} failed its check.");
            });
        }
    }
}
