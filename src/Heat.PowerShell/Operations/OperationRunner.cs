using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;

namespace Heat.PowerShell.Operations
{
    /// <summary>
    /// The one act-then-wait path of every cmdlet that changes stacks: each <see cref="StackOperation"/> runs as soon as
    /// its record is bound, at most <c>throttle</c> at once (throttle → resolve → marker → send); what is not waited for
    /// is reported as it ends, in the records' order; what is waited for is waited for all at once at the end
    /// (<see cref="OperationWaits"/>), and reported there. One failure is one error record; the rest go on.
    /// Everything written is written from the pipeline thread.
    /// </summary>
    [SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
        Justification = "The throttle never creates its wait handle, so it holds nothing to free; disposing it when the command ends could race a task that releases it after Ctrl+C.")]
    internal sealed class OperationRunner
    {
        private readonly HeatCmdlet _cmdlet;
        private readonly SemaphoreSlim _throttle;
        private readonly Queue<Running> _unreported = new Queue<Running>();
        private readonly List<Running> _toWait = new List<Running>();

        /// <summary>How many stacks a command acts on at once unless it says otherwise (-ThrottleLimit).</summary>
        public const int DefaultThrottleLimit = 8;

        public OperationRunner(HeatCmdlet cmdlet, int throttleLimit)
        {
            _cmdlet = cmdlet;
            _throttle = new SemaphoreSlim(throttleLimit);
        }

        /// <summary>Starts an operation (pipeline thread), then reports those at the head of the line that have ended.</summary>
        public void Start(StackOperation operation)
        {
            var client = _cmdlet.Client;
            var token = _cmdlet.CancellationToken;
            var running = new Running(operation);
            running.Task = Task.Run(() => RunAsync(client, running, token), token);
            _unreported.Enqueue(running);
            ReportEnded();
        }

        /// <summary>Reports every operation, then waits for those that wait, all at once (EndProcessing).</summary>
        public void Finish()
        {
            while (_unreported.Count > 0)
            {
                var running = _unreported.Dequeue();
                try
                {
                    _cmdlet.Await(running.Task);
                }
                catch (PipelineStoppedException)
                {
                    throw;
                }
                catch (Exception)
                {
                    // Reported just below, with the others, from the task itself.
                }
                Report(running);
            }
            new OperationWaits(_cmdlet).Finish(_toWait.ConvertAll(r => r.Waited));
        }

        private void ReportEnded()
        {
            _cmdlet.Drain();
            while (_unreported.Count > 0 && _unreported.Peek().Task.IsCompleted) Report(_unreported.Dequeue());
        }

        private void Report(Running running)
        {
            var operation = running.Operation;
            if (running.Task.IsFaulted || running.Task.IsCanceled)
            {
                var error = running.Task.Exception?.GetBaseException() ?? (Exception)new OperationCanceledException();
                if (error is OperationCanceledException && _cmdlet.CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
                if (!ErrorCatalog.IsItemFailure(error)) throw error;
                // A stack that is not there is the stack's error whatever the operation is about (a snapshot ...).
                var noun = running.Resolved ? operation.ErrorNoun : "HeatStack";
                _cmdlet.WriteError(HeatCmdlet.ToErrorRecord(error, noun, operation.TargetText));
                return;
            }
            var sent = running.Sent;
            if (sent.Data != null) _cmdlet.WriteObject(sent.Data);
            if (operation.Waits)
            {
                _toWait.Add(running);
                return;
            }
            var output = operation.Started?.Invoke(sent);
            if (output != null) _cmdlet.WriteObject(output);
        }

        private async Task RunAsync(HeatClient client, Running running, CancellationToken token)
        {
            var operation = running.Operation;
            await _throttle.WaitAsync(token).ConfigureAwait(false);
            try
            {
                // One lookup (the redirect, not the whole stack): the id makes the action and any wait exact.
                var stack = operation.Target == null ? null : await client.Stacks.ResolveAsync(operation.Target, token).ConfigureAwait(false);
                running.Resolved = true;
                string marker = null;
                if (operation.Waits && stack != null && operation.Send != null) marker = await MarkerAsync(client, stack, token).ConfigureAwait(false);
                var sent = operation.Send == null ? new Sent(stack) : await operation.Send(client, stack, token).ConfigureAwait(false);
                if (sent.Stack == null) sent = new Sent(stack, sent.Made, sent.Data);
                running.Sent = sent;
                running.Waited = new WaitedOperation(operation, sent, marker);
                if (operation.Send != null) _cmdlet.Post(() => _cmdlet.WriteVerbose($"{operation.Action}: {HeatCmdlet.Describe(sent.Stack)} started."));
            }
            finally
            {
                _throttle.Release();
            }
        }

        /// <summary>The newest event before the action, so that its wait reads only what follows.</summary>
        private async Task<string> MarkerAsync(HeatClient client, StackRef stack, CancellationToken token)
        {
            try
            {
                return await client.Stacks.NewestEventIdAsync(stack, token).ConfigureAwait(false);
            }
            catch (HeatException e) when (!(e is HeatSessionClosedException))
            {
                _cmdlet.Post(() => _cmdlet.WriteVerbose($"Could not read the newest event of {HeatCmdlet.Describe(stack)} ({e.Message}); the wait will start from now."));
                return null;
            }
        }

        private sealed class Running
        {
            public Running(StackOperation operation) => Operation = operation;

            public StackOperation Operation { get; }

            public Task Task { get; set; }

            public Sent Sent { get; set; }

            /// <summary>The stack was found (its errors from here on are the operation's own).</summary>
            public bool Resolved { get; set; }

            public WaitedOperation Waited { get; set; }
        }
    }
}
