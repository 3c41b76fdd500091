using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Waits for many stacks at once (a few watched at a time), and shows it: one overall bar and one bar per stack in
    /// progress (resources done of total, the newest event). Drawing a bar in a terminal costs a round trip to it (seen:
    /// 1.6 s each under a pseudo-terminal), so the waits only record what they see, and the pipeline thread draws the
    /// latest state at most once a second, never a backlog of old states, and nothing after a record that was slow to
    /// draw (<see cref="ProgressGate"/>).
    /// </summary>
    internal sealed class StackWaiter
    {
        private const int MaxChildBars = 10;
        private static readonly TimeSpan FirstRenderDelay = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan MinRenderInterval = TimeSpan.FromSeconds(1);

        private readonly IReadOnlyList<PendingWait> _waits;
        private readonly string _activity;
        private readonly int _parentId;
        private readonly StackProgress[] _latest;
        private readonly bool[] _finished;
        private readonly StackProgress[] _shown;
        private readonly Stopwatch _sinceRender = new Stopwatch();
        private int _version;
        private int _rendered = -1;
        private int _done;
        private bool _parentShown;
        private ProgressGate _gate;

        private readonly Action<HeatEvent> _eventRead;

        /// <param name="eventRead">Called (on any thread) for each event a wait reads, in order: a -Verbose line.</param>
        public StackWaiter(IReadOnlyList<PendingWait> waits, string activity, Action<HeatEvent> eventRead = null)
        {
            _eventRead = eventRead;
            _waits = waits;
            _activity = activity;
            _parentId = ProgressId(activity);
            _latest = new StackProgress[waits.Count];
            _finished = new bool[waits.Count];
            _shown = new StackProgress[waits.Count];
            Outcomes = waits.Select(w => new WaitOutcome { Stack = w.Stack }).ToArray();
        }

        public WaitOutcome[] Outcomes { get; }

        /// <summary>How many times the bars were drawn, and how many records that wrote (tests hold these to the clock,
        /// not to the number of events).</summary>
        public int Renders { get; private set; }

        public int Records { get; private set; }

        /// <summary>The progress bar's id for an activity: the same for its updates and for its completion.</summary>
        public static int ProgressId(string activity) => (Math.Abs(activity.GetHashCode() % 100000) + 1) * 100;

        /// <param name="maxConcurrent">Waits polling at once: each is about one request a second at first, fewer later.</param>
        public Task StartAsync(HeatClient client, CancellationToken cancellationToken, int maxConcurrent = 32)
        {
            var gate = new SemaphoreSlim(maxConcurrent);
            var tasks = _waits.Select(async (wait, index) =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    Outcomes[index].Final = await client.Stacks.WaitAsync(wait.Stack, wait.Options, seen => Saw(index, seen), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    Outcomes[index].Error = e;
                }
                finally
                {
                    gate.Release();
                    Volatile.Write(ref _finished[index], true);
                    Interlocked.Increment(ref _done);
                    Interlocked.Increment(ref _version);
                }
            }).ToArray();
            StartClock();
            return Task.WhenAll(tasks);
        }

        /// <summary>Records what a wait saw (any thread); the pipeline thread draws it later, or never.</summary>
        internal void Saw(int index, StackProgress seen)
        {
            if (_eventRead != null) foreach (var evt in seen.NewEvents) _eventRead(evt);
            Volatile.Write(ref _latest[index], Copy(seen));
            Interlocked.Increment(ref _version);
        }

        /// <summary>The drawing clock starts with the waits.</summary>
        internal void StartClock() => _sinceRender.Start();

        /// <summary>
        /// Draws what changed since the last drawing, when that is old enough. Nothing in the first seconds (a short wait
        /// costs no drawing at all); then the overall bar first, and the bars of the stacks in progress, at most once a
        /// second. A record that takes long to draw (a terminal that never answers the cursor-position query costs
        /// seconds a record) ends the drawing for the command (<see cref="ProgressGate"/>). Only records that changed are
        /// written. Pipeline thread only.
        /// </summary>
        public void Render(Action<ProgressRecord> write)
        {
            var version = Volatile.Read(ref _version);
            var total = _waits.Count;
            var done = Volatile.Read(ref _done);
            if (version == _rendered || done == total || !Gate(write).IsOpen) return;
            var interval = _parentShown ? MinRenderInterval : FirstRenderDelay;
            if (_sinceRender.Elapsed < interval) return;
            int records = 0;
            var latest = Enumerable.Range(0, total).Select(i => Volatile.Read(ref _latest[i])).Where(p => p?.LatestEvent != null)
                .OrderByDescending(p => p.LatestEvent.EventTime).FirstOrDefault();
            _gate.TryWrite(write, new ProgressRecord(_parentId, _activity, $"{done} of {total} done")
            {
                PercentComplete = total == 0 ? 100 : Math.Min(100, done * 100 / total),
                CurrentOperation = latest == null ? null : $"{latest.Stack}: {latest.LatestEvent.ResourceName} {latest.LatestEvent.ResourceStatus}",
            });
            records++;
            _parentShown = true;
            if (Renders > 0)
            {
                int children = 0;
                for (int i = 0; i < total; i++)
                {
                    var seen = Volatile.Read(ref _latest[i]);
                    if (Volatile.Read(ref _finished[i]))
                    {
                        if (_shown[i] != null) _gate.TryWrite(write, Child(i, seen, completed: true));
                        _shown[i] = null;
                    }
                    else if (seen != null && (_shown[i] != null || children < MaxChildBars))
                    {
                        children++;
                        if (ReferenceEquals(_shown[i], seen)) continue;
                        if (!_gate.TryWrite(write, Child(i, seen, completed: false))) break;
                        records++;
                        _shown[i] = seen;
                    }
                }
            }
            Renders++;
            Records += records;
            _rendered = version;
            _sinceRender.Restart();
        }

        /// <summary>Removes every bar this wait drew (none if it never drew).</summary>
        public void Complete(Action<ProgressRecord> write)
        {
            for (int i = 0; i < _waits.Count; i++)
            {
                if (_shown[i] != null) Gate(write).TryWrite(write, Child(i, _shown[i], completed: true));
                _shown[i] = null;
            }
            if (_parentShown) Gate(write).TryWrite(write, new ProgressRecord(_parentId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            _parentShown = false;
        }

        private ProgressGate Gate(Action<ProgressRecord> write) => _gate ?? (_gate = ProgressGate.For(write));

        private ProgressRecord Child(int index, StackProgress seen, bool completed)
        {
            var stack = _waits[index].Stack;
            var status = seen?.StackStatus ?? "waiting";
            var text = status;
            if (seen != null && seen.ResourcesTotal > 0) text += $", {Math.Min(seen.ResourcesDone, seen.ResourcesTotal)} of {seen.ResourcesTotal} resources";
            var latest = seen?.LatestEvent;
            if (latest != null) text += $"; {latest.ResourceName} {latest.ResourceStatus}";
            var record = new ProgressRecord(_parentId + 1 + (index % 99), stack.StackName ?? stack.StackId, text)
            {
                ParentActivityId = _parentId,
                RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (seen != null && seen.ResourcesTotal > 0) record.PercentComplete = Math.Min(100, seen.ResourcesDone * 100 / seen.ResourcesTotal);
            return record;
        }

        private static StackProgress Copy(StackProgress seen) => new StackProgress
        {
            Stack = seen.Stack,
            StackStatus = seen.StackStatus,
            LatestEvent = seen.LatestEvent,
            ResourcesDone = seen.ResourcesDone,
            ResourcesTotal = seen.ResourcesTotal,
        };
    }
}
