using System;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Base
{
    /// <summary>
    /// A cmdlet that changes existing stacks: the stack target (wildcards allowed), confirmation (-Force skips the
    /// prompt, never -WhatIf), the actions run concurrently (-ThrottleLimit) as stacks arrive, and -Wait for every stack
    /// at once after all have started, until each reaches its <see cref="Goal"/>. Each record becomes its own
    /// <see cref="StackOperation"/> on the pipeline thread (<see cref="CaptureSend"/>); the request runs later, on
    /// another thread, from what was captured.
    /// </summary>
    public abstract class StackActionCmdlet : StackTargetCmdlet
    {
        /// <summary>Act without asking for confirmation. -WhatIf still wins: with both, nothing is done and each stack
        /// is only reported.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the stacks finish the action, all at once after every action has started, reading only
        /// new events. A stack that ends FAILED, or rolled back, is a non-terminating error record with Heat's reason
        /// and the failed resources' reasons.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for each stack, in minutes (1 to 10080, a week). A stack still busy then is an
        /// OperationTimeout error naming its last status; the stack itself goes on.</summary>
        [Parameter]
        [ValidateRange(1, WaitTimeouts.MaxMinutes)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>How many stacks are acted on at once (1 to 64). The requests run concurrently; everything is still
        /// written from the pipeline thread, in order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = OperationRunner.DefaultThrottleLimit;

        /// <summary>Write each stack acted on: at once as it started (its status the action's IN_PROGRESS), or with
        /// -Wait as it ended. Without it nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What -Wait waits for and what counts as success.</summary>
        internal abstract WaitGoal Goal { get; }

        /// <summary>The ShouldProcess action, for example "Suspend Heat stack".</summary>
        protected abstract string ActionText { get; }

        /// <summary>
        /// The request of this record, from what is bound now (pipeline thread): a delegate over values only, never over
        /// the cmdlet's properties, which the next record overwrites while this one's request is on its way.
        /// </summary>
        internal abstract SendStack CaptureSend();

        /// <summary>The request for one stack of the record, for a cmdlet that names something after the stack as the
        /// user named it (not as Heat's lookup answered: that name comes from the server). Pipeline thread.</summary>
        internal virtual SendStack ForTarget(SendStack send, StackRef target) => send;

        /// <summary>Whether the stacks are waited for: -Wait, or a switch of the cmdlet's own that needs the result.</summary>
        protected virtual bool Waits => Wait;

        /// <summary>What to report for each stack whose wait ended (failed or not), captured like the request.</summary>
        internal virtual Action<IOperationHost, StackRef, HeatStack> CaptureEnded() => null;

        /// <summary>What -PassThru writes once a wait succeeded: the stack as the wait last saw it.</summary>
        internal virtual Func<HeatStack, HeatStack, HeatStack> Final => (started, seen) => seen;

        protected override void ProcessRecord()
        {
            if (Dispatched()) return;
            SendStack send = null;
            if (!TryItem(CaptureNoun, CaptureTarget, () => send = CaptureSend())) return;
            foreach (var target in ResolveTargets())
            {
                if (!ShouldAct(Describe(target), ActionText, Force)) continue;
                Start(Operation(target, ForTarget(send, target)), ThrottleLimit);
            }
        }

        /// <summary>The noun of the error ids of this cmdlet's requests, once the stack was found (a stack not found is
        /// HeatStackNotFound whatever the cmdlet).</summary>
        internal virtual string ErrorNoun => "HeatStack";

        /// <summary>The noun and target of the error record when <see cref="CaptureSend"/> fails (a template that does
        /// not load): the record's other stacks are not acted on, and the pipeline goes on.</summary>
        internal virtual string CaptureNoun => "HeatStack";

        internal virtual object CaptureTarget => null;

        private StackOperation Operation(StackRef target, SendStack send)
        {
            var startedStatus = Goal.Started;
            var passThru = PassThru.IsPresent;
            var final = Final;
            return new StackOperation(ActionText, target, target.ToString(), send)
            {
                ErrorNoun = ErrorNoun,
                WaitErrorNoun = "HeatStack",
                Goal = Waits ? Goal : null,
                WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                Started = passThru ? sent => Shown(sent.Stack, startedStatus) : (Func<Sent, object>)null,
                Finished = passThru ? (host, sent, seen) => final(Shown(sent.Stack, startedStatus), seen) : (Func<IOperationHost, Sent, HeatStack, object>)null,
                Ended = CaptureEnded(),
            };
        }

        private static HeatStack Shown(StackRef stack, string status) => new HeatStack { StackName = stack.StackName, Id = stack.StackId, StackStatus = status };
    }
}
