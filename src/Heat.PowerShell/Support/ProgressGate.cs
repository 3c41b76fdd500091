using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Whether a command still draws progress. The console host asks the terminal where the cursor is for each progress
    /// record; a terminal that never answers (util-linux script, docker run -t with nobody reading, some log viewers)
    /// makes every record wait seconds for the host to give up (3.6 s seen: a delete Heat finished in 8 s took 250 s
    /// under -Wait). The first record that takes longer than <see cref="SlowRecord"/> closes the gate: no more progress
    /// for the rest of that command, said once in -Verbose.
    /// </summary>
    /// <remarks>
    /// One gate per command, so that a listing and a wait of the same command (or one listing per piped stack) share
    /// it: it is found through the cmdlet whose WriteProgress the caller passes (a delegate's target). A writer that is
    /// not a cmdlet's method (a test's lambda) gets a gate per target.
    /// </remarks>
    internal sealed class ProgressGate
    {
        /// <summary>A record that takes longer than this closes the gate; a terminal that answers takes milliseconds.</summary>
        internal static readonly TimeSpan SlowRecord = TimeSpan.FromMilliseconds(250);

        private static readonly ConditionalWeakTable<object, ProgressGate> ByCommand = new ConditionalWeakTable<object, ProgressGate>();

        private readonly Cmdlet _cmdlet;

        private ProgressGate(Cmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>False once a record was slow: write no more progress in this command.</summary>
        public bool IsOpen { get; private set; } = true;

        /// <summary>The gate of the command whose progress <paramref name="write"/> writes.</summary>
        public static ProgressGate For(Action<ProgressRecord> write)
        {
            var owner = write?.Target;
            return owner == null ? new ProgressGate(null) : ByCommand.GetValue(owner, o => new ProgressGate(o as Cmdlet));
        }

        /// <summary>Writes <paramref name="record"/> if the gate is open, timing it; false if it was not written.</summary>
        public bool TryWrite(Action<ProgressRecord> write, ProgressRecord record)
        {
            if (!IsOpen) return false;
            var watch = Stopwatch.StartNew();
            write(record);
            if (watch.Elapsed > SlowRecord) Close(watch.Elapsed);
            return true;
        }

        private void Close(TimeSpan took)
        {
            IsOpen = false;
            _cmdlet?.WriteVerbose(
                $"Progress is off for the rest of this command: drawing one progress record took {took.TotalSeconds:0.0} s, which happens " +
                "in a terminal that does not answer the console's cursor-position query (script, docker run -t, some log viewers). " +
                "$ProgressPreference = 'SilentlyContinue' turns progress off from the start (see docs/automation.md).");
        }
    }
}
