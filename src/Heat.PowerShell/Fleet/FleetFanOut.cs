using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Heat.Client;

namespace Heat.PowerShell.Fleet
{
    /// <summary>
    /// One reading command over several clouds: each record's parameters are kept as they were bound (an immutable
    /// copy), then each cloud runs the same command over all of them with its own session, in a runspace of its own, all
    /// clouds at once. Their objects reach the pipeline as they come, each with Cloud and Region properties; a cloud that
    /// fails is an error naming it while the others' objects still come.
    /// </summary>
    internal sealed class FleetFanOut
    {
        /// <summary>Each record's own command, run with the cloud's session (no code from the records is run as script).</summary>
        private const string Script = "param($command, $calls, $session) foreach ($call in $calls) { & $command @call -Session $session }";

        private readonly HeatCmdlet _cmdlet;
        private readonly IReadOnlyList<HeatSession> _sessions;
        private readonly List<Hashtable> _calls = new List<Hashtable>();

        public FleetFanOut(HeatCmdlet cmdlet, IReadOnlyList<HeatSession> sessions)
        {
            _cmdlet = cmdlet;
            _sessions = sessions;
        }

        /// <summary>Keeps this record's parameters (not -Cloud, not -Session), and -WhatIf when WhatIf is in effect however it came.</summary>
        public void Add(IDictionary<string, object> bound, bool whatIf)
        {
            var call = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in bound)
            {
                if (pair.Key == nameof(HeatCmdlet.Cloud) || pair.Key == nameof(HeatCmdlet.Session)) continue;
                call[pair.Key] = pair.Value is ICloneable copy && !(pair.Value is string) ? copy.Clone() : pair.Value;
            }
            if (whatIf) call["WhatIf"] = new SwitchParameter(true);
            _calls.Add(call);
        }

        public void Run()
        {
            var command = _cmdlet.MyInvocation.MyCommand;
            // The runspaces hold this module alone, so the command's own name finds it there.
            var modulePath = ModulePathOf(_cmdlet);
            var name = command.Name;
            var pool = FleetRunspaces.For(modulePath);
            var arrived = new BlockingCollection<Action>();
            var runs = new List<(HeatSession Session, System.Management.Automation.PowerShell Shell, IAsyncResult Handle)>();
            try
            {
                foreach (var session in _sessions)
                {
                    var shell = System.Management.Automation.PowerShell.Create();
                    shell.RunspacePool = pool;
                    shell.AddScript(Script).AddArgument(name).AddArgument(_calls.ToArray()).AddArgument(session);
                    var output = new PSDataCollection<PSObject>();
                    output.DataAdded += (sender, e) =>
                    {
                        var item = ((PSDataCollection<PSObject>)sender)[e.Index];
                        arrived.Add(() => _cmdlet.WriteObject(Tagged(item, session)));
                    };
                    shell.Streams.Error.DataAdded += (sender, e) =>
                    {
                        var record = ((PSDataCollection<ErrorRecord>)sender)[e.Index];
                        arrived.Add(() => _cmdlet.WriteError(ErrorCatalog.FromCloud(record, CloudOf(session))));
                    };
                    shell.Streams.Warning.DataAdded += (sender, e) =>
                    {
                        var record = ((PSDataCollection<WarningRecord>)sender)[e.Index];
                        arrived.Add(() => _cmdlet.WriteWarning($"[{CloudOf(session)}] {record.Message}"));
                    };
                    runs.Add((session, shell, shell.BeginInvoke<PSObject, PSObject>(null, output)));
                }
                var left = runs.Count;
                var done = new bool[runs.Count];
                while (left > 0)
                {
                    while (arrived.TryTake(out var write, 50, _cmdlet.CancellationToken)) write();
                    for (int i = 0; i < runs.Count; i++)
                    {
                        var run = runs[i];
                        if (done[i] || !run.Handle.IsCompleted) continue;
                        done[i] = true;
                        left--;
                        try
                        {
                            run.Shell.EndInvoke(run.Handle);
                        }
                        catch (RuntimeException e)
                        {
                            // A terminating error ends that cloud's calls; the other clouds go on.
                            var record = e.ErrorRecord ?? ErrorCatalog.ToErrorRecord(e, "HeatCloud", CloudOf(run.Session));
                            arrived.Add(() => _cmdlet.WriteError(ErrorCatalog.FromCloud(record, CloudOf(run.Session))));
                        }
                    }
                }
                while (arrived.TryTake(out var write)) write();
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                foreach (var run in runs)
                {
                    if (!run.Handle.IsCompleted) run.Shell.Stop();
                    run.Shell.Dispose();
                }
            }
        }

        /// <summary>What the fleet's runspaces import: the module the cmdlet came from (its assembly when imported as one).</summary>
        internal static string ModulePathOf(PSCmdlet cmdlet)
        {
            var module = cmdlet.MyInvocation.MyCommand.Module;
            return string.IsNullOrEmpty(module?.Path) ? typeof(FleetFanOut).Assembly.Location : module.Path;
        }

        /// <summary>The name objects from a session say they came from: its cloud's, else its project and Heat.</summary>
        internal static string CloudOf(HeatSession session) => session.CloudName ?? $"{session.ProjectName ?? session.ProjectId}@{session.HeatEndpoint}";

        private static PSObject Tagged(PSObject item, HeatSession session) => Tagged(item, CloudOf(session), session.Region);

        /// <summary>An object of a read over several clouds: Cloud and Region properties, and the fleet's view.</summary>
        internal static PSObject Tagged(PSObject item, string cloud, string region)
        {
            item.Properties.Remove("Cloud");
            item.Properties.Remove("Region");
            item.Properties.Add(new PSNoteProperty("Cloud", cloud));
            item.Properties.Add(new PSNoteProperty("Region", region));
            // A view of its own shows the Cloud column, only for objects of a read over several clouds.
            if (item.TypeNames.Count > 0 && !item.TypeNames[0].EndsWith("#Fleet", StringComparison.Ordinal)) item.TypeNames.Insert(0, item.TypeNames[0] + "#Fleet");
            return item;
        }
    }
}
