using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Base
{
    /// <summary>What every Heat cmdlet shares: the session, the client over it, and per-item failures as error records.</summary>
    public abstract partial class HeatCmdlet : AsyncCmdlet, IOperationHost
    {
        private HeatClient _client;
        private OperationRunner _runner;

        /// <summary>The session to use, from <c>Connect-HeatService -PassThru</c> or Get-HeatSession. Left out: the
        /// sessions of -Cloud, else the default session of this runspace, set by the last Connect-HeatService. Not
        /// connected at all is a terminating HeatNotConnected error. Only the reading cmdlets (Get-HeatStack,
        /// Get-HeatResource, Get-HeatEvent, Get-HeatStackOutput, Get-HeatStackFailure, Test-HeatStack) take several.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public HeatSession[] Session { get; set; }

        /// <summary>clouds.yaml cloud names (wildcards match the file's names): the runspace's session of each (from
        /// Connect-HeatService -Cloud), or one connected now as the file says. Only the reading cmdlets take several; they
        /// ask the clouds at once, and each object says which cloud it came from.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CloudNameCompleter))]
        public string[] Cloud { get; set; }

        /// <summary>The client for this call, over its one session. Not connected: terminating.</summary>
        protected internal HeatClient Client
        {
            get
            {
                if (_client != null) return _client;
                var sessions = Sessions();
                if (sessions.Count > 1)
                {
                    ThrowTerminatingError(ErrorCatalog.Usage("HeatOneCloudOnly",
                        $"{MyInvocation.MyCommand.Name} works on one cloud at a time; {sessions.Count} were given. The reading cmdlets (Get-HeatStack ...) take several.",
                        null, Cloud != null ? nameof(Cloud) : nameof(Session)));
                }
                var session = sessions[0];
                if (session.IsDisposed)
                {
                    ThrowTerminatingError(ErrorCatalog.ToErrorRecord(
                        new HeatSessionClosedException(), "HeatSession", session));
                }
                _client = new HeatClient(session, message => Post(() => WriteVerbose(message)));
                return _client;
            }
        }

        /// <summary>Starts one record's operation at once (at most <paramref name="throttleLimit"/> run together, the
        /// first call deciding); <see cref="EndProcessing"/> reports them all and waits for those that wait.</summary>
        internal void Start(StackOperation operation, int throttleLimit = OperationRunner.DefaultThrottleLimit)
        {
            _runner = _runner ?? new OperationRunner(this, throttleLimit);
            _runner.Start(operation);
        }

        protected override void EndProcessing()
        {
            if (RunDispatched()) return;
            _runner?.Finish();
        }

        HeatClient IOperationHost.Client => Client;

        CancellationToken IOperationHost.CancellationToken => CancellationToken;

        T IOperationHost.Await<T>(Task<T> task) => Await(task);

        bool IOperationHost.TryItem(string noun, object target, Action work) => TryItem(noun, target, work);

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

        /// <summary>
        /// Runs <paramref name="work"/> for every file each PowerShell path names (wildcards resolved by the provider),
        /// each path and each file its own item: a path that names nothing, or a file that fails, is one error record and
        /// the rest go on.
        /// </summary>
        protected void ForEachResolvedPath(IEnumerable<string> paths, string noun, Action<string> work)
        {
            foreach (var given in paths)
            {
                TryItem(noun, given, () =>
                {
                    foreach (var path in GetResolvedProviderPathFromPSPath(given, out _)) TryItem(noun, path, () => work(path));
                });
            }
        }

        /// <summary>A non-terminating error for an argument that names nothing (null or empty): never read as "all".</summary>
        protected void WriteEmptyNameError(string parameter, string what)
        {
            WriteError(ErrorCatalog.Usage("HeatNameEmpty", $"-{parameter} is null or empty: name a {what}. (Leave -{parameter} out to mean every {what}.)",
                parameter: parameter));
        }

        /// <summary>
        /// Waits for all <paramref name="pending"/> stacks at once, with progress; returns each outcome. Whether a stack
        /// succeeded is for the caller (see <see cref="Operations.OperationWaits"/>).
        /// </summary>
        internal IReadOnlyList<WaitOutcome> WaitForStacks(IReadOnlyList<PendingWait> pending, string activity)
        {
            if (pending.Count == 0) return Array.Empty<WaitOutcome>();
            var waiter = new StackWaiter(pending, activity, evt => Post(() => WriteVerbose(EventLine.Format(evt))));
            var all = waiter.StartAsync(Client, CancellationToken);
            Tick = () => waiter.Render(WriteProgress);
            try
            {
                Await(all);
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C: the pipeline is stopping, so the warning stream is closed; the host still shows a line, and a
                // user who stopped a long wait needs to know Heat did not stop with it.
                var names = string.Join(", ", pending.Select(p => p.Stack.StackName ?? p.Stack.StackId).Distinct());
                Host?.UI?.WriteWarningLine(TerminalText.Line($"Stopped waiting for {names}: Heat goes on with {(pending.Count == 1 ? "it" : "them")}. " +
                                           $"Wait-HeatStack {names} waits again."));
                throw;
            }
            finally
            {
                Tick = null;
                waiter.Complete(WriteProgress);
            }
            return waiter.Outcomes;
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
            foreach (var environment in environmentPaths ?? Array.Empty<string>())
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

    }
}
