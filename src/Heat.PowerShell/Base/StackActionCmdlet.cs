using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell
{
    /// <summary>
    /// A cmdlet that changes existing stacks: the stack target, confirmation (-Force skips the prompt, never -WhatIf),
    /// and -Wait for every stack at once after all have started, until each reaches <see cref="ExpectedStatus"/>.
    /// </summary>
    public abstract class StackActionCmdlet : StackTargetCmdlet
    {
        private readonly List<PendingWait> _pending = new List<PendingWait>();
        private readonly Dictionary<StackRef, HeatStack> _started = new Dictionary<StackRef, HeatStack>();

        /// <summary>Act without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the stacks finish (all at once, after every action has started).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>Write the stacks acted on.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What -Wait waits for and what counts as success.</summary>
        internal abstract WaitGoal Goal { get; }

        /// <summary>Whether to go ahead with <paramref name="action"/> on <paramref name="target"/>.</summary>
        protected bool Proceed(string target, string action)
        {
            if (Force && !MyInvocation.BoundParameters.ContainsKey("WhatIf")) return true;
            return ShouldProcess(target, action);
        }

        /// <summary>The newest event before an action, when -Wait will need it (one request; none without -Wait).</summary>
        protected string MarkerBeforeAction(StackRef stack)
        {
            if (!Wait) return null;
            try
            {
                return Await(Client.Stacks.NewestEventIdAsync(stack, CancellationToken));
            }
            catch (HeatException e) when (!(e is HeatSessionClosedException))
            {
                WriteVerbose($"Could not read the newest event of {Describe(stack)} ({e.Message}); the wait will start from now.");
                return null;
            }
        }

        /// <summary>Records a started action: waited for with -Wait, written now with -PassThru otherwise.</summary>
        protected void Started(StackRef stack, HeatStack shown, string marker = null)
        {
            if (Wait)
            {
                _pending.Add(Pending(stack, Goal, TimeSpan.FromMinutes(WaitTimeoutMinutes), marker));
                _started[stack] = shown;
            }
            else if (PassThru)
            {
                WriteObject(shown);
            }
        }

        protected override void EndProcessing()
        {
            FinishWaits(_pending, Goal, output: outcome => PassThru ? Final(_started[outcome.Stack], outcome.Final) : null);
        }

        /// <summary>What -PassThru writes once a wait succeeded: the stack as the wait last saw it.</summary>
        protected virtual HeatStack Final(HeatStack started, HeatStack seen) => seen;
    }
}
