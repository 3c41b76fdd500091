using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell
{
    /// <summary>
    /// Cancellation (Ctrl+C stops a request in flight) and a queue through which work on other threads reports
    /// back to the pipeline thread. Every cmdlet of the module that waits for the client derives from this.
    /// </summary>
    public abstract class AsyncCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<Action> _pipelineQueue = new ConcurrentQueue<Action>();

        protected CancellationToken CancellationToken => _cancellation.Token;

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
        protected void Post(Action action) => _pipelineQueue.Enqueue(action);

        /// <summary>Runs queued pipeline-thread work; call it from the pipeline thread only.</summary>
        protected void Drain()
        {
            while (_pipelineQueue.TryDequeue(out var action)) action();
        }

        /// <summary>Waits for a task on the pipeline thread while writing what it reports as it goes.</summary>
        protected T Await<T>(Task<T> task)
        {
            Await((Task)task);
            return task.Result;
        }

        /// <summary>
        /// Task.Wait would throw the task's failure wrapped in an AggregateException: wait on the handle instead and
        /// rethrow the client's own exception; a cancellation the user asked for stops the pipeline.
        /// </summary>
        protected void Await(Task task)
        {
            var handle = ((IAsyncResult)task).AsyncWaitHandle;
            while (!handle.WaitOne(50)) Drain();
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

        /// <summary>Enumerates a paged list, writing what each page request reports before its items.</summary>
        protected IEnumerable<T> Stream<T>(IEnumerable<T> source)
        {
            using (var enumerator = source.GetEnumerator())
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
                    yield return enumerator.Current;
                }
            }
        }
    }

    /// <summary>
    /// What every Heat cmdlet shares besides that: the session, and the one map from the client's exceptions
    /// to error records.
    /// </summary>
    public abstract class HeatCmdlet : AsyncCmdlet
    {
        private HeatClient _client;

        /// <summary>The session to use instead of the default one from Connect-HeatService.</summary>
        [Parameter]
        [ValidateNotNull]
        public HeatSession Session { get; set; }

        /// <summary>The client for this call, over -Session or the default session. Not connected: terminating.</summary>
        protected HeatClient Client
        {
            get
            {
                if (_client != null) return _client;
                var session = Session ?? SessionStore.Default;
                if (session == null)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("Not connected to Heat. Run Connect-HeatService first, or pass -Session."),
                        "HeatNotConnected", ErrorCategory.ConnectionError, null));
                }
                if (session.IsDisposed)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("This Heat session was disconnected. Run Connect-HeatService again."),
                        "HeatSessionClosed", ErrorCategory.ConnectionError, session));
                }
                _client = new HeatClient(session, message => Post(() => WriteVerbose(message)));
                return _client;
            }
        }

        /// <summary>An error record for a failed call about <paramref name="target"/>: <c>{noun}NotFound</c>, <c>{noun}...</c>.</summary>
        internal static ErrorRecord ToErrorRecord(Exception exception, string noun, object target)
        {
            string id;
            ErrorCategory category;
            switch (exception)
            {
                case HeatNotFoundException _:
                    id = noun + "NotFound";
                    category = ErrorCategory.ObjectNotFound;
                    break;
                case HeatAuthenticationException _:
                    id = "HeatAuthenticationFailed";
                    category = ErrorCategory.AuthenticationError;
                    break;
                case HeatForbiddenException _:
                    id = "HeatAccessDenied";
                    category = ErrorCategory.PermissionDenied;
                    break;
                case HeatConflictException _:
                    id = noun + "Conflict";
                    category = ErrorCategory.ResourceExists;
                    break;
                case HeatBadRequestException _:
                    id = noun + "Invalid";
                    category = ErrorCategory.InvalidData;
                    break;
                case HeatServerException _:
                    id = "HeatServerError";
                    category = ErrorCategory.InvalidResult;
                    break;
                case HeatStackFailedException _:
                    id = noun + "Failed";
                    category = ErrorCategory.InvalidResult;
                    break;
                case HeatEndpointNotFoundException _:
                    id = "HeatEndpointNotFound";
                    category = ErrorCategory.ObjectNotFound;
                    break;
                case TimeoutException _:
                    id = noun + "Timeout";
                    category = ErrorCategory.OperationTimeout;
                    break;
                case Heat.Client.Templates.TemplateException _:
                    id = "HeatTemplateInvalid";
                    category = ErrorCategory.InvalidData;
                    break;
                case ArgumentException _:
                    id = noun + "ArgumentInvalid";
                    category = ErrorCategory.InvalidArgument;
                    break;
                case System.IO.FileNotFoundException _:
                case System.IO.DirectoryNotFoundException _:
                    id = "HeatFileNotFound";
                    category = ErrorCategory.ObjectNotFound;
                    break;
                case HeatException _:
                    id = "HeatRequestFailed";
                    category = ErrorCategory.ConnectionError;
                    break;
                default:
                    id = noun + "Error";
                    category = ErrorCategory.NotSpecified;
                    break;
            }
            return new ErrorRecord(exception, id, category, target);
        }

        /// <summary>Runs one item's work; a failure becomes a non-terminating error so the pipeline goes on.</summary>
        protected bool TryItem(string noun, object target, Action work)
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
            catch (Exception e) when (IsItemFailure(e))
            {
                Drain();
                WriteError(ToErrorRecord(e, noun, target));
                return false;
            }
        }

        private static bool IsItemFailure(Exception e) =>
            e is HeatException || e is TimeoutException || e is ArgumentException || e is System.IO.IOException ||
            e is Heat.Client.Templates.TemplateException || e is UnauthorizedAccessException;

        /// <summary>
        /// Waits for all <paramref name="stacks"/> at once, with one progress bar; returns each outcome. A stack that
        /// ends FAILED (or is still in progress at the timeout) is reported by the caller, not thrown.
        /// </summary>
        internal IReadOnlyList<WaitOutcome> WaitForStacks(IReadOnlyList<StackRef> stacks, TimeSpan timeout, string activity, bool untilGone = false)
        {
            if (stacks.Count == 0) return new WaitOutcome[0];
            var (all, outcomes) = StackWaiter.Start(Client, stacks, timeout, activity, Post, WriteProgress, CancellationToken, untilGone);
            try
            {
                Await(all);
            }
            finally
            {
                var done = new ProgressRecord(StackWaiter.ProgressId(activity), activity, "Done") { RecordType = ProgressRecordType.Completed };
                WriteProgress(done);
            }
            return outcomes;
        }

        /// <summary>A template request from a cmdlet's -TemplatePath | -Template | -TemplateUrl and -EnvironmentPath,
        /// with PowerShell paths resolved against the current location.</summary>
        internal Heat.Client.Templates.TemplateRequest NewTemplateRequest(string path, string text, string url, string[] environmentPaths)
        {
            var request = new Heat.Client.Templates.TemplateRequest
            {
                BaseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                TemplatePath = path == null ? null : GetUnresolvedProviderPathFromPSPath(path),
                TemplateText = path == null && url == null ? text : null,
                TemplateUrl = path == null ? url : null,
            };
            foreach (var environment in environmentPaths ?? new string[0])
            {
                request.EnvironmentPaths.Add(GetUnresolvedProviderPathFromPSPath(environment));
            }
            return request;
        }

        /// <summary>Names a stack for a message: "name (id)".</summary>
        protected static string Describe(StackRef stack) =>
            stack.StackName != null && stack.StackId != null ? $"{stack.StackName} ({stack.StackId})" : stack.ToString();

        protected static StackRef RefOf(HeatStack stack) => new StackRef(stack.StackName, stack.Id);
    }
}
