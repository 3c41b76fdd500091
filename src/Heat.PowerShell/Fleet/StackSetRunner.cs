using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using Heat.Client.Fleet;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.PowerShell.Fleet
{
    /// <summary>
    /// Converges every target of a stack set as Set-HeatStack converges one stack: each target's Set-HeatStack runs in a
    /// runspace of its own with the target's session, at most <see cref="MaxConcurrent"/> at once; the first
    /// <see cref="Canary"/> targets alone first, the rest only if they all succeed; no new target once more than
    /// <see cref="FailureTolerance"/> have failed. Every target ends as one result, in the order they end; a target never
    /// started is Skipped with the reason. Each member stack carries the set's name and its definition's hash as tags.
    /// </summary>
    internal sealed class StackSetRunner
    {
        public const string SetTagPrefix = "heat-stackset:";
        public const string HashTagPrefix = "heat-stackset-hash:";

        private const string Script = "param($p) Set-HeatStack @p -ErrorAction Stop";

        private readonly AsyncCmdlet _cmdlet;
        private readonly StackSetDefinition _set;
        private readonly List<HeatStackSetTargetResult> _results = new List<HeatStackSetTargetResult>();
        private string _stopReason;
        private int _failed;

        public StackSetRunner(AsyncCmdlet cmdlet, StackSetDefinition set)
        {
            _cmdlet = cmdlet;
            _set = set;
        }

        public int MaxConcurrent { get; set; } = 4;

        /// <summary>How many targets may fail before no new one starts; null: all are tried.</summary>
        public int? FailureTolerance { get; set; }

        public int Canary { get; set; }

        public bool Wait { get; set; }

        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>Each target previews (Set-HeatStack -WhatIf) instead: its rows are written, nothing changes.</summary>
        public bool WhatIf { get; set; }

        public void Run(string currentFolder)
        {
            var sessions = StackSetSessions.Open(_cmdlet, _set.Targets, currentFolder);
            var canaries = _set.Targets.Take(Canary).ToList();
            if (canaries.Count > 0)
            {
                RunWave(canaries, sessions);
                if (_failed > 0) _stopReason = $"a canary target failed; the other {_set.Targets.Count - canaries.Count} were not started";
            }
            RunWave(_set.Targets.Skip(canaries.Count).ToList(), sessions);
        }

        private void RunWave(IReadOnlyList<StackSetTarget> targets, Dictionary<int, (HeatSession Session, string Failure)> sessions)
        {
            var queue = new Queue<StackSetTarget>(targets);
            var running = new List<Running>();
            while (queue.Count > 0 || running.Count > 0)
            {
                while (queue.Count > 0 && _stopReason == null && running.Count < MaxConcurrent)
                {
                    var target = queue.Dequeue();
                    var (session, failure) = sessions[target.Index];
                    if (session == null) End(target, null, failure, TimeSpan.Zero);
                    else running.Add(Start(target, session));
                }
                if (_stopReason != null)
                {
                    while (queue.Count > 0) Skip(queue.Dequeue());
                }
                if (running.Count == 0) continue;
                System.Threading.WaitHandle.WaitAny(running.Select(r => r.Handle.AsyncWaitHandle).ToArray(), 50);
                _cmdlet.Drain();
                foreach (var done in running.Where(r => r.Handle.IsCompleted).ToList())
                {
                    running.Remove(done);
                    Finish(done);
                }
                _cmdlet.WriteProgress(new ProgressRecord(2, $"Stack set {_set.Name}", $"{_results.Count} of {_set.Targets.Count} targets done, {running.Count} running"));
            }
        }

        private Running Start(StackSetTarget target, HeatSession session)
        {
            var call = new Hashtable(StringComparer.OrdinalIgnoreCase)
            {
                ["StackName"] = target.StackName,
                ["TemplatePath"] = _set.TemplatePath,
                ["Tag"] = Tags(target),
                ["Session"] = session,
            };
            if (_set.EnvironmentPaths.Count > 0) call["EnvironmentPath"] = _set.EnvironmentPaths.ToArray();
            if (target.Parameters.Count > 0) call["Parameter"] = HeatJson.ToHashtable(target.Parameters);
            if (Wait)
            {
                call["Wait"] = new SwitchParameter(true);
                call["WaitTimeoutMinutes"] = WaitTimeoutMinutes;
            }
            if (WhatIf) call["WhatIf"] = new SwitchParameter(true);
            var shell = System.Management.Automation.PowerShell.Create();
            shell.RunspacePool = FleetRunspaces.For(FleetFanOut.ModulePathOf(_cmdlet));
            shell.AddScript(Script).AddArgument(call);
            return new Running(target, shell, shell.BeginInvoke(), Stopwatch.StartNew());
        }

        private void Finish(Running run)
        {
            try
            {
                var output = run.Shell.EndInvoke(run.Handle);
                foreach (var warning in run.Shell.Streams.Warning) _cmdlet.WriteWarning($"[{run.Target}] {warning.Message}");
                if (WhatIf)
                {
                    foreach (var row in output.Where(o => o != null)) _cmdlet.WriteObject(FleetFanOut.Tagged(row, run.Target.Cloud, run.Target.Region));
                    _results.Add(null);
                    return;
                }
                var result = output.Select(o => o?.BaseObject).OfType<HeatStackSetResult>().LastOrDefault();
                End(run.Target, result, result == null ? "Set-HeatStack wrote no result" : null, run.Clock.Elapsed);
            }
            catch (RuntimeException e)
            {
                End(run.Target, null, e.ErrorRecord?.ErrorDetails?.Message ?? e.Message, run.Clock.Elapsed);
            }
            finally
            {
                run.Shell.Dispose();
            }
        }

        private void End(StackSetTarget target, HeatStackSetResult result, string failure, TimeSpan duration)
        {
            var ended = New(target);
            ended.Duration = duration;
            if (result != null)
            {
                ended.Action = result.Operation;
                ended.StackId = result.StackId;
                ended.StackStatus = result.StackStatus;
                ended.Differences = result.Differences;
            }
            else
            {
                ended.Action = "Failed";
                ended.Reason = failure;
                _failed++;
                if (FailureTolerance is int tolerance && _failed > tolerance && _stopReason == null)
                {
                    _stopReason = $"more than {tolerance} target(s) failed (-FailureTolerance {tolerance})";
                }
            }
            _results.Add(ended);
            _cmdlet.WriteObject(ended);
        }

        private void Skip(StackSetTarget target)
        {
            var skipped = New(target);
            skipped.Action = "Skipped";
            skipped.Reason = _stopReason;
            _results.Add(skipped);
            _cmdlet.WriteObject(skipped);
        }

        private static HeatStackSetTargetResult New(StackSetTarget target) => new HeatStackSetTargetResult
        {
            Target = target.Index + 1,
            Cloud = target.Cloud,
            Region = target.Region,
            Project = target.Project,
            StackName = target.StackName,
        };

        /// <summary>The set's tags, and two that make the stack a member: the set's name, and the hash of what the target
        /// is given (template, environments and parameters), which changes when the definition does.</summary>
        private string[] Tags(StackSetTarget target) => TagsFor(_set, target);

        internal static string[] TagsFor(StackSetDefinition set, StackSetTarget target) =>
            set.Tags.Concat(new[] { SetTagPrefix + set.Name, HashTagPrefix + DefinitionHash(set, target) }).ToArray();

        /// <summary>The hash a member's tag carries: of the target's template and environments (their text) and its parameters.</summary>
        internal static string DefinitionHash(StackSetDefinition set, StackSetTarget target)
        {
            using var sha = SHA256.Create();
            var text = new StringBuilder();
            foreach (var file in new[] { set.TemplatePath }.Concat(set.EnvironmentPaths))
            {
                text.Append(file).Append('\n').Append(System.IO.File.Exists(file) ? System.IO.File.ReadAllText(file) : string.Empty).Append('\n');
            }
            text.Append(HeatJson.Serialize(target.Parameters));
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            return string.Concat(hash.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        private sealed class Running
        {
            public Running(StackSetTarget target, System.Management.Automation.PowerShell shell, IAsyncResult handle, Stopwatch clock)
            {
                Target = target;
                Shell = shell;
                Handle = handle;
                Clock = clock;
            }

            public StackSetTarget Target { get; }

            public System.Management.Automation.PowerShell Shell { get; }

            public IAsyncResult Handle { get; }

            public Stopwatch Clock { get; }
        }
    }
}
