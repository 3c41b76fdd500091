using System;
using System.Diagnostics;
using System.Management.Automation;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Progress of a listing that pages (every event of a busy stack, every stack of a large project): how many items so
    /// far. Paced by the clock as <see cref="StackWaiter"/> is, since each record costs a round trip to the terminal:
    /// nothing in the first 3 s (most listings end before), then at most once a second, and none after a record that
    /// was slow to draw (<see cref="ProgressGate"/>); completed only if it was ever drawn.
    /// </summary>
    internal sealed class ListingProgress
    {
        private static readonly TimeSpan FirstRenderDelay = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan MinRenderInterval = TimeSpan.FromSeconds(1);

        private readonly string _activity;
        private readonly int _id;
        private readonly Func<TimeSpan> _clock;
        private TimeSpan? _lastRender;
        private ProgressGate _gate;
        private int _count;
        private int _shownCount = -1;

        /// <param name="clock">Time since the listing started; null for a stopwatch started now.</param>
        public ListingProgress(string activity, Func<TimeSpan> clock = null)
        {
            _activity = activity;
            _id = StackWaiter.ProgressId(activity) + 99;
            if (clock == null)
            {
                var watch = Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }
            _clock = clock;
        }

        public void Counted() => _count++;

        /// <summary>Draws the count if the clock says so; call it from the pipeline thread.</summary>
        public void Render(Action<ProgressRecord> write)
        {
            var now = _clock();
            if (now < FirstRenderDelay || _count == _shownCount) return;
            if (_lastRender.HasValue && now - _lastRender.Value < MinRenderInterval) return;
            if (!Gate(write).TryWrite(write, new ProgressRecord(_id, _activity, $"{_count} so far"))) return;
            _lastRender = _clock();
            _shownCount = _count;
        }

        public void Complete(Action<ProgressRecord> write)
        {
            if (_shownCount >= 0) Gate(write).TryWrite(write, new ProgressRecord(_id, _activity, $"{_count} in all") { RecordType = ProgressRecordType.Completed });
        }

        private ProgressGate Gate(Action<ProgressRecord> write) => _gate ?? (_gate = ProgressGate.For(write));
    }
}
