using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Says why stacks failed: one object per root cause, found by walking failed nested stacks all the way down.</para>
    /// <para type="description">A nested stack resource that failed only because a resource of its stack failed is not a
    /// root cause; that resource is (or one below it). Each failure carries the path of stacks from the top, the
    /// resource's name, type, physical id, status and reason, its first failure event and, for a software deployment,
    /// deploy_stdout, deploy_stderr and deploy_status_code. A stack where nothing failed writes nothing.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackFailure")]
    [OutputType(typeof(HeatStackFailure))]
    public sealed class GetHeatStackFailure : StackTargetCmdlet
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                // The same stack piped twice (two matching wildcards, a list with repeats) is walked once.
                if (!_seen.Add(stack.StackId ?? stack.StackName)) continue;
                TryItem("HeatStack", stack.ToString(), () => Report(stack));
            }
        }

        private void Report(StackRef stack)
        {
            var failures = Await(new FailureWalker(Client).FindAsync(stack, new FailureWalkOptions(), CancellationToken));
            foreach (var failure in failures) WriteObject(failure);
            if (failures.Count > 0) return;
            // Nothing to write; but a FAILED stack with no failed resource (a stack-level timeout or validation error)
            // would look healthy here, so say what Heat says about the stack itself.
            var shown = Await(Client.Stacks.GetAsync(stack, CancellationToken, resolveOutputs: false));
            var name = Describe(new StackRef(shown.StackName ?? stack.StackName, shown.Id ?? stack.StackId));
            if (shown.StackStatus != null && shown.StackStatus.EndsWith("_FAILED", StringComparison.Ordinal))
            {
                WriteWarning($"Stack {name} is {shown.StackStatus}, but none of its resources failed: {shown.StackStatusReason}");
            }
            else
            {
                WriteVerbose($"Stack {name} is {shown.StackStatus}: none of its resources failed.");
            }
        }
    }
}
