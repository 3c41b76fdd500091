using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Base
{
    /// <summary>
    /// Cancellation (Ctrl+C stops a request in flight) and a queue through which work on other threads reports
    /// back to the pipeline thread. Every cmdlet of the module that waits for the client derives from this.
    /// </summary>
    public abstract class AsyncCmdlet : TerminalSafeCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<Action> _pipelineQueue = new ConcurrentQueue<Action>();

        protected internal CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
        }

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Queues work (Write*, progress) that must run on the pipeline thread.</summary>
        protected internal void Post(Action action) => _pipelineQueue.Enqueue(action);

        /// <summary>Runs queued pipeline-thread work; call it from the pipeline thread only.</summary>
        protected internal void Drain()
        {
            while (_pipelineQueue.TryDequeue(out var action)) action();
            Tick?.Invoke();
        }

        /// <summary>Runs one item's work; a failure becomes a non-terminating error so the pipeline goes on.</summary>
        protected internal bool TryItem(string noun, object target, Action work)
        {
            try
            {
                work();
                return true;
            }
            catch (PipelineStoppedException)
            {
                throw;
            }
            catch (Exception e) when (ErrorCatalog.IsItemFailure(e))
            {
                Drain();
                WriteError(HeatCmdlet.ToErrorRecord(e, noun, target));
                return false;
            }
        }

        /// <summary>
        /// Whether WhatIf is in effect for this call, however it came: -WhatIf bound (-WhatIf:$false counts too), else
        /// $WhatIfPreference, which the user may set and which a calling script run with -WhatIf sets in its scope.
        /// </summary>
        protected bool IsWhatIf =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
                ? ((SwitchParameter)bound).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>
        /// The one confirmation rule of every cmdlet that changes something (Az's ConfirmAction): WhatIf only says what
        /// would happen, whatever else is given; -Force skips the prompt and nothing else (a -Confirm given explicitly
        /// still asks); otherwise ShouldProcess decides, by ConfirmImpact and $ConfirmPreference.
        /// </summary>
        protected bool ShouldAct(string target, string action, bool force = false)
        {
            if (IsWhatIf)
            {
                ShouldProcess(target, action);
                return false;
            }
            bool confirmAsked = MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && ((SwitchParameter)confirm).IsPresent;
            return (force && !confirmAsked) || ShouldProcess(target, action);
        }

        /// <summary>Runs on the pipeline thread at every turn of a wait (about every 50 ms): where a progress display
        /// decides, by its own clock, whether to draw.</summary>
        internal Action Tick { get; set; }

        /// <summary>Waits for a task on the pipeline thread while writing what it reports as it goes.</summary>
        protected internal T Await<T>(Task<T> task)
        {
            Await((Task)task);
            return task.Result;
        }

        /// <summary>
        /// Task.Wait would throw the task's failure wrapped in an AggregateException: wait on the handle instead and
        /// rethrow the client's own exception; a cancellation the user asked for stops the pipeline.
        /// </summary>
        protected internal void Await(Task task)
        {
            // A task that has already ended needs no wait handle (one is allocated per task asked for it).
            if (!task.IsCompleted)
            {
                var handle = ((IAsyncResult)task).AsyncWaitHandle;
                while (!handle.WaitOne(50)) Drain();
            }
            Drain();
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>How many reads of one command are in flight at once (<see cref="ReadAhead{T, TResult}"/>).</summary>
        internal const int ReadsInFlight = 4;

        /// <summary>
        /// Starts the read of each item, up to <see cref="ReadsInFlight"/> ahead of the one the caller is at, and gives
        /// them back in the items' order: each result is awaited (<see cref="Await{T}"/>) when its turn comes, so output
        /// keeps the order asked for and an error stays with its item, while the reads behind it are already under way.
        /// Items are pulled from <paramref name="items"/> only as the window moves, so a streamed listing stays streamed.
        /// Reads still in flight when the caller stops are cancelled with the command, and their failures observed.
        /// </summary>
        protected IEnumerable<(T Item, Task<TResult> Read)> ReadAhead<T, TResult>(IEnumerable<T> items, Func<T, CancellationToken, Task<TResult>> read)
        {
            var window = new Queue<(T Item, Task<TResult> Read)>();
            try
            {
                foreach (var item in items)
                {
                    window.Enqueue((item, Start(read, item)));
                    if (window.Count >= ReadsInFlight) yield return window.Dequeue();
                }
                while (window.Count > 0) yield return window.Dequeue();
            }
            finally
            {
                foreach (var left in window)
                {
                    left.Read.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
            }
        }

        private Task<TResult> Start<T, TResult>(Func<T, CancellationToken, Task<TResult>> read, T item)
        {
            try
            {
                return read(item, CancellationToken);
            }
            catch (Exception e)
            {
                var failed = new TaskCompletionSource<TResult>();
                failed.SetException(e);
                return failed.Task;
            }
        }

        /// <summary>Enumerates a paged list, writing what each page request reports before its items; with an
        /// <paramref name="activity"/>, a count as progress when the listing takes a while.</summary>
        protected IEnumerable<T> Stream<T>(IEnumerable<T> source, string activity = null)
        {
            var progress = activity == null ? null : new ListingProgress(activity);
            using (var enumerator = source.GetEnumerator())
            {
                try
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = enumerator.MoveNext();
                        }
                        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
                        {
                            throw new PipelineStoppedException();
                        }
                        finally
                        {
                            Drain();
                        }
                        if (!more) yield break;
                        progress?.Counted();
                        progress?.Render(WriteProgress);
                        yield return enumerator.Current;
                    }
                }
                finally
                {
                    progress?.Complete(WriteProgress);
                }
            }
        }
    }
}
