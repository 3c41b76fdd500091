using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell
{
    /// <summary>
    /// A cmdlet that changes existing stacks: the stack target (wildcards allowed), confirmation (-Force skips the
    /// prompt, never -WhatIf), the actions run concurrently (-ThrottleLimit) as stacks arrive, and -Wait for every stack
    /// at once after all have started, until each reaches its <see cref="Goal"/>.
    /// </summary>
    public abstract class StackActionCmdlet : StackTargetCmdlet
    {
        private readonly List<Started> _started = new List<Started>();
        private SemaphoreSlim _throttle;

        /// <summary>Act without asking for confirmation. -WhatIf still wins: with both, nothing is done and each stack
        /// is only reported.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the stacks finish the action, all at once after every action has started, reading only
        /// new events. A stack that ends FAILED, or rolled back, is a non-terminating error record with Heat's reason
        /// and the failed resources' reasons.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for each stack, in minutes (1 to 1440). A stack still busy then is an
        /// OperationTimeout error naming its last status; the stack itself goes on.</summary>
        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>How many stacks are acted on at once (1 to 64). The requests run concurrently; everything is still
        /// written from the pipeline thread, in order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Write each stack acted on: at once as it started (its status the action's IN_PROGRESS), or with
        /// -Wait as it ended. Without it nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What -Wait waits for and what counts as success.</summary>
        internal abstract WaitGoal Goal { get; }

        /// <summary>The status a stack shows once the action has begun (SUSPEND_IN_PROGRESS ...).</summary>
        protected abstract string StartedStatus { get; }

        /// <summary>The ShouldProcess action, for example "Suspend Heat stack".</summary>
        protected abstract string ActionText { get; }

        /// <summary>Sends the action for one stack (name and id known).</summary>
        protected abstract Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken);

        /// <summary>The same, for a cmdlet that names something after the stack: <paramref name="asked"/> is the stack as
        /// the user named it, before Heat's lookup answered with its name and id (which come from the server).</summary>
        protected virtual Task StartAsync(HeatClient client, StackRef asked, StackRef stack, CancellationToken cancellationToken) =>
            StartAsync(client, stack, cancellationToken);

        protected override void ProcessRecord()
        {
            var client = Client;
            _throttle = _throttle ?? new SemaphoreSlim(ThrottleLimit);
            foreach (var target in ResolveTargets())
            {
                if (!ShouldProcessUnlessForced(Force, Describe(target), ActionText)) continue;
                var started = new Started { Target = target };
                started.Task = Task.Run(() => RunAsync(client, started), CancellationToken);
                _started.Add(started);
            }
            Drain();
        }

        protected override void EndProcessing()
        {
            var pending = new List<PendingWait>();
            foreach (var started in _started)
            {
                try
                {
                    Await(started.Task);
                }
                catch (PipelineStoppedException)
                {
                    throw;
                }
                catch (Exception e) when (ErrorCatalog.IsItemFailure(e))
                {
                    WriteError(ToErrorRecord(e, "HeatStack", started.Target.ToString()));
                    continue;
                }
                var shown = new HeatStack { StackName = started.Stack.StackName, Id = started.Stack.StackId, StackStatus = StartedStatus };
                started.Shown = shown;
                if (Waits) pending.Add(Pending(started.Stack, Goal, TimeSpan.FromMinutes(WaitTimeoutMinutes), started.Marker));
                else if (PassThru) WriteObject(shown);
            }
            if (pending.Count == 0) return;
            var byStack = new Dictionary<StackRef, Started>();
            foreach (var started in _started) if (started.Stack != null) byStack[started.Stack] = started;
            FinishWaits(pending, Goal, output: outcome => PassThru ? Final(byStack[outcome.Stack].Shown, outcome.Final) : null, ended: Ended);
        }

        /// <summary>Whether the stacks are waited for: -Wait, or a switch of the cmdlet's own that needs the result.</summary>
        protected virtual bool Waits => Wait;

        /// <summary>Called on the pipeline thread for each stack whose wait ended (succeeded or not), after what the
        /// wait itself writes for it; a cmdlet that reports more about the result writes it here.</summary>
        internal virtual void Ended(StackRef stack, HeatStack final)
        {
        }

        /// <summary>What -PassThru writes once a wait succeeded: the stack as the wait last saw it.</summary>
        protected virtual HeatStack Final(HeatStack started, HeatStack seen) => seen;

        private async Task RunAsync(HeatClient client, Started started)
        {
            await _throttle.WaitAsync(CancellationToken).ConfigureAwait(false);
            try
            {
                // One lookup (the redirect, not the whole stack): the id makes the action and any wait exact.
                started.Stack = await client.Stacks.ResolveAsync(started.Target, CancellationToken).ConfigureAwait(false);
                if (Waits) started.Marker = await MarkerAsync(client, started.Stack).ConfigureAwait(false);
                await StartAsync(client, started.Target, started.Stack, CancellationToken).ConfigureAwait(false);
                Post(() => WriteVerbose($"{ActionText}: {Describe(started.Stack)} started."));
            }
            finally
            {
                _throttle.Release();
            }
        }

        /// <summary>The newest event before the action, so that its wait reads only what follows.</summary>
        private async Task<string> MarkerAsync(HeatClient client, StackRef stack)
        {
            try
            {
                return await client.Stacks.NewestEventIdAsync(stack, CancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (!(e is HeatSessionClosedException))
            {
                Post(() => WriteVerbose($"Could not read the newest event of {Describe(stack)} ({e.Message}); the wait will start from now."));
                return null;
            }
        }

        private sealed class Started
        {
            public StackRef Target;
            public StackRef Stack;
            public string Marker;
            public Task Task;
            public HeatStack Shown;
        }
    }
}
