using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell
{
    /// <summary>What every Heat cmdlet shares: the session, the client over it, and per-item failures as error records.</summary>
    public abstract class HeatCmdlet : AsyncCmdlet
    {
        private HeatClient _client;

        /// <summary>The session to use, from <c>Connect-HeatService -PassThru</c>. Left out: the default session of
        /// this runspace, set by the last Connect-HeatService. Not connected at all is a terminating HeatNotConnected
        /// error.</summary>
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

        internal static ErrorRecord ToErrorRecord(Exception exception, string noun, object target)
        {
            var record = ErrorCatalog.ToErrorRecord(exception, noun, target);
            // Heat's own words often do not say which stack ("Property error: resources.r..."): in a bulk create or
            // delete, the error shown would not tell which of the stacks it was. The exception keeps Heat's words.
            if (noun == "HeatStack" && target is string name && name.Length > 0 && exception?.Message != null &&
                exception.Message.IndexOf(name, StringComparison.Ordinal) < 0)
            {
                record.ErrorDetails = new ErrorDetails($"Stack '{name}': {record.ErrorDetails?.Message ?? exception.Message}");
            }
            return record;
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
            catch (Exception e) when (ErrorCatalog.IsItemFailure(e))
            {
                Drain();
                WriteError(ToErrorRecord(e, noun, target));
                return false;
            }
        }

        /// <summary>Whether to go ahead: -Force skips the prompt, but -WhatIf always wins and only says what would happen.</summary>
        protected bool ShouldProcessUnlessForced(bool force, string target, string action) =>
            (force && !MyInvocation.BoundParameters.ContainsKey("WhatIf")) || ShouldProcess(target, action);

        /// <summary>A non-terminating error for an argument that names nothing (null or empty): never read as "all".</summary>
        protected void WriteEmptyNameError(string parameter, string what)
        {
            WriteError(new ErrorRecord(
                new PSArgumentException($"-{parameter} is null or empty: name a {what}. (Leave -{parameter} out to mean every {what}.)", parameter),
                "HeatNameEmpty", ErrorCategory.InvalidArgument, null));
        }

        /// <summary>
        /// Waits for all <paramref name="pending"/> stacks at once, with progress; returns each outcome. Whether a stack
        /// succeeded is for the caller (see <see cref="FinishWaits"/>).
        /// </summary>
        internal IReadOnlyList<WaitOutcome> WaitForStacks(IReadOnlyList<PendingWait> pending, string activity)
        {
            if (pending.Count == 0) return new WaitOutcome[0];
            var waiter = new StackWaiter(pending, activity);
            var all = waiter.StartAsync(Client, CancellationToken);
            Tick = () => waiter.Render(WriteProgress);
            try
            {
                Await(all);
            }
            finally
            {
                Tick = null;
                waiter.Complete(WriteProgress);
            }
            return waiter.Outcomes;
        }

        /// <summary>A wait for a stack this call acts on; <paramref name="marker"/> is the newest event before the action.</summary>
        internal static PendingWait Pending(StackRef stack, WaitGoal goal, TimeSpan timeout, string marker = null, bool isNew = false) =>
            new PendingWait(stack, new StackWatchOptions
            {
                Actions = goal.Actions,
                Timeout = timeout,
                Marker = marker,
                AfterAction = marker != null,
                IsNew = isNew,
                UntilGone = goal.UntilGone,
            });

        /// <summary>
        /// Waits for every stack a -Wait left pending, all at once, and reports each: an error record carrying Heat's
        /// reason and the failed resources' reasons when it did not succeed (a rollback that completed is a failure
        /// too), else what <paramref name="output"/> makes of it (null: nothing is written). Then <paramref name="ended"/>, for
        /// every stack whose wait ended, failed or not (not for a wait that timed out or could not read the stack).
        /// </summary>
        internal void FinishWaits(IReadOnlyList<PendingWait> pending, WaitGoal goal, Func<WaitOutcome, object> output, bool outputFailed = false,
            Action<StackRef, HeatStack> ended = null)
        {
            foreach (var outcome in WaitForStacks(pending, goal.Activity))
            {
                if (outcome.Error != null)
                {
                    WriteError(ToErrorRecord(outcome.Error, "HeatStack", outcome.Stack.ToString()));
                    // A wait that timed out still gives the stack as last seen where failures are written: a runbook
                    // needs its id to look at it or clean it up.
                    var lastSeenStack = (outcome.Error as HeatWaitTimeoutException)?.LastSeen ?? (outcome.Error as HeatStackPausedException)?.LastSeen;
                    if (outputFailed && output != null && lastSeenStack != null)
                    {
                        outcome.Final = lastSeenStack;
                        var lastSeen = output(outcome);
                        if (lastSeen != null) WriteObject(lastSeen);
                    }
                    continue;
                }
                bool failed = !goal.Succeeded(outcome.Final);
                if (failed)
                {
                    var final = outcome.Final;
                    var message = $"Stack {Describe(outcome.Stack)} is {final.StackStatus}, not {goal.Expected}";
                    if (!string.IsNullOrEmpty(final.StackStatusReason)) message += ": " + final.StackStatusReason;
                    message += FailedResources(outcome.Stack);
                    WriteError(ToErrorRecord(new HeatStackFailedException(message, final), "HeatStack", outcome.Stack.ToString()));
                }
                if ((!failed || outputFailed) && output != null)
                {
                    var written = output(outcome);
                    if (written != null) WriteObject(written);
                }
                ended?.Invoke(outcome.Stack, outcome.Final);
            }
        }

        /// <summary>" Failed resources: name (type) STATUS: reason; ..." for a stack that failed, nested ones included.</summary>
        private string FailedResources(StackRef stack)
        {
            try
            {
                var options = new ResourceListOptions { NestedDepth = 5 };
                options.Statuses.Add("FAILED");
                var failed = Await(Client.Resources.ListAsync(stack, options, CancellationToken));
                if (failed.Count == 0) return string.Empty;
                return ". Failed resources: " + string.Join("; ", failed.Select(r =>
                    $"{(r.StackName != stack.StackName ? r.StackName + "/" : string.Empty)}{r.ResourceName} ({r.ResourceType}) {r.ResourceStatus}: {r.ResourceStatusReason}"));
            }
            catch (HeatException)
            {
                return string.Empty;
            }
        }

        /// <summary>The template with every file it names, read through the session (URLs) and from disk.</summary>
        internal Heat.Client.Templates.TemplateBundle LoadTemplate(TemplateSourceParameters template) =>
            Await(Heat.Client.Templates.TemplateLoader.LoadAsync(template.ToRequest(this), Client.Templates.FetchTextAsync, CancellationToken));

        /// <summary>A template request from a cmdlet's -TemplatePath | -Template | -TemplateUrl and -EnvironmentPath,
        /// with PowerShell paths resolved against the current location; URLs stay URLs.</summary>
        internal Heat.Client.Templates.TemplateRequest NewTemplateRequest(string path, string text, string url, string[] environmentPaths)
        {
            var request = new Heat.Client.Templates.TemplateRequest
            {
                BaseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                TemplatePath = path == null ? null : LocalPathOrUrl(path),
                TemplateText = path == null && url == null ? text : null,
                TemplateUrl = path == null ? url : null,
            };
            foreach (var environment in environmentPaths ?? new string[0])
            {
                request.EnvironmentPaths.Add(LocalPathOrUrl(environment));
            }
            return request;
        }

        /// <summary>An http(s) or file URL as it is; a PowerShell path (drive, ~, relative) as a file system path.</summary>
        private string LocalPathOrUrl(string path)
        {
            if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeFile))
            {
                return path;
            }
            return GetUnresolvedProviderPathFromPSPath(path);
        }

        /// <summary>
        /// The stacks that <paramref name="names"/> and <paramref name="id"/> name, a wildcard name matched against the
        /// list (each match once). Here rather than in <see cref="StackTargetCmdlet"/> so that a cmdlet whose stack
        /// parameters belong to one parameter set only (Get-HeatStackGraph: a stack or a template) resolves them the same way.
        /// </summary>
        protected IEnumerable<StackRef> ResolveTargets(string[] names, string id)
        {
            List<HeatStack> listed = null;
            foreach (var target in Targets(names, id))
            {
                if (target.StackId != null || !Wildcards.IsPattern(target.StackName))
                {
                    yield return target;
                    continue;
                }
                listed = listed ?? ListAll();
                var pattern = Wildcards.Pattern(target.StackName);
                int matched = 0;
                foreach (var stack in listed.Where(s => s.StackName != null && pattern.IsMatch(s.StackName)))
                {
                    matched++;
                    yield return RefOf(stack);
                }
                if (matched == 0) WriteVerbose($"No stack matches '{target.StackName}'.");
            }
        }

        private List<HeatStack> ListAll()
        {
            var all = new List<HeatStack>();
            TryItem("HeatStack", null, () => all.AddRange(Stream(Client.Stacks.List(new StackListOptions(), CancellationToken))));
            return all;
        }

        /// <summary>The stacks named, as given. An empty <paramref name="id"/> (a blank CSV cell) counts as absent.</summary>
        protected static IEnumerable<StackRef> Targets(string[] names, string id)
        {
            id = string.IsNullOrEmpty(id) ? null : id;
            if (id != null && names.Length == 1)
            {
                yield return new StackRef(names[0], id);
                yield break;
            }
            foreach (var name in names) yield return StackRef.FromNameOrId(name);
        }

        /// <summary>Names a stack for a message: "name (id)".</summary>
        protected static string Describe(StackRef stack) =>
            stack.StackName != null && stack.StackId != null ? $"{stack.StackName} ({stack.StackId})" : stack.ToString();

        protected static StackRef RefOf(HeatStack stack) => new StackRef(stack.StackName, stack.Id);
    }
}
