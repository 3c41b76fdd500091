using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Fleet;

namespace Heat.PowerShell.Fleet
{
    /// <summary>
    /// One command per target of a stack set, each in a runspace of the fleet's pool with the target's session, at most
    /// <c>maxConcurrent</c> at once, handed back on the pipeline thread as each ends: its objects, or the error that ended
    /// it. What the command is and what its end means is the caller's (Get-, Compare-, Remove-HeatStackSet).
    /// </summary>
    internal static class TargetCalls
    {
        public sealed class Ended
        {
            public StackSetTarget Target { get; set; }

            public IList<PSObject> Output { get; set; } = new List<PSObject>();

            /// <summary>Why it failed (a terminating error, or no session); null when it ran to its end.</summary>
            public string Failure { get; set; }
        }

        /// <param name="call">The script (its one parameter is $p) and the call's parameters for a target and its session.</param>
        public static void Run(AsyncCmdlet cmdlet, IReadOnlyList<StackSetTarget> targets, Dictionary<int, (HeatSession Session, string Failure)> sessions,
            int maxConcurrent, Func<StackSetTarget, HeatSession, (string Script, Hashtable Call)> call, Action<Ended> ended)
        {
            var pool = FleetRunspaces.For(FleetFanOut.ModulePathOf(cmdlet));
            var queue = new Queue<StackSetTarget>(targets);
            var running = new List<(StackSetTarget Target, System.Management.Automation.PowerShell Shell, IAsyncResult Handle)>();
            try
            {
                while (queue.Count > 0 || running.Count > 0)
                {
                    while (queue.Count > 0 && running.Count < maxConcurrent)
                    {
                        var target = queue.Dequeue();
                        var (session, failure) = sessions[target.Index];
                        if (session == null)
                        {
                            ended(new Ended { Target = target, Failure = failure });
                            continue;
                        }
                        var (script, parameters) = call(target, session);
                        var shell = System.Management.Automation.PowerShell.Create();
                        shell.RunspacePool = pool;
                        shell.AddScript(script).AddArgument(parameters);
                        running.Add((target, shell, shell.BeginInvoke()));
                    }
                    if (running.Count == 0) continue;
                    System.Threading.WaitHandle.WaitAny(running.Select(r => r.Handle.AsyncWaitHandle).ToArray(), 50);
                    cmdlet.Drain();
                    foreach (var done in running.Where(r => r.Handle.IsCompleted).ToList())
                    {
                        running.Remove(done);
                        var result = new Ended { Target = done.Target };
                        try
                        {
                            result.Output = done.Shell.EndInvoke(done.Handle);
                            foreach (var warning in done.Shell.Streams.Warning) cmdlet.WriteWarning($"[{done.Target}] {warning.Message}");
                        }
                        catch (RuntimeException e)
                        {
                            result.Failure = e.ErrorRecord?.ErrorDetails?.Message ?? e.Message;
                        }
                        done.Shell.Dispose();
                        ended(result);
                    }
                }
            }
            finally
            {
                foreach (var run in running)
                {
                    run.Shell.Stop();
                    run.Shell.Dispose();
                }
            }
        }
    }
}
