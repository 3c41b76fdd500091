using System;
using System.Collections.Generic;
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
    public sealed class RemoveHeatStack : StackTargetCmdlet
    {
        private readonly List<StackRef> _toWait = new List<StackRef>();
        private readonly Dictionary<StackRef, HeatStack> _known = new Dictionary<StackRef, HeatStack>();

        /// <summary>Delete without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the stacks are gone (all at once, after every deletion has started).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stackRef in Targets())
            {
                var target = stackRef;
                if (!Proceed(Describe(target))) continue;
                TryItem("HeatStack", target.ToString(), () =>
                {
                    HeatStack stack = null;
                    if (target.StackId == null || target.StackName == null)
                    {
                        // Resolve once: the id makes the delete and any wait exact.
                        stack = Await(Client.GetStackAsync(target, CancellationToken));
                        target = RefOf(stack);
                    }
                    Await(Client.DeleteStackAsync(target, CancellationToken));
                    WriteVerbose($"Deleting stack {Describe(target)}.");
                    stack = stack ?? new HeatStack { StackName = target.StackName, Id = target.StackId };
                    stack.StackStatus = "DELETE_IN_PROGRESS";
                    if (Wait)
                    {
                        _toWait.Add(target);
                        _known[target] = stack;
                    }
                    else if (PassThru)
                    {
                        WriteObject(stack);
                    }
                });
            }
        }

        protected override void EndProcessing()
        {
            foreach (var outcome in WaitForStacks(_toWait, TimeSpan.FromMinutes(WaitTimeoutMinutes), "Removing Heat stacks", untilGone: true))
            {
                if (outcome.Error != null)
                {
                    WriteError(ToErrorRecord(outcome.Error, "HeatStack", outcome.Stack.ToString()));
                }
                else if (outcome.Final.StackStatus != "DELETE_COMPLETE")
                {
                    WriteError(ToErrorRecord(new HeatStackFailedException(
                        $"Stack {Describe(outcome.Stack)} was not deleted: {outcome.Final.StackStatus} {outcome.Final.StackStatusReason}".TrimEnd(),
                        outcome.Final), "HeatStack", outcome.Stack.ToString()));
                }
                else if (PassThru)
                {
                    var final = _known[outcome.Stack];
                    final.StackStatus = "DELETE_COMPLETE";
                    WriteObject(final);
                }
            }
        }

        private bool Proceed(string target)
        {
            // -Force skips the prompt but not -WhatIf.
            if (Force && !MyInvocation.BoundParameters.ContainsKey("WhatIf")) return true;
            return ShouldProcess(target, "Remove Heat stack");
        }
    }
}
