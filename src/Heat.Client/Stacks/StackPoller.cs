using System;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;

namespace Heat.Client
{
    /// <summary>The one wait loop for a stack: poll with backoff until it leaves IN_PROGRESS, surviving a Heat that
    /// stops answering for a while, ending at the deadline.</summary>
    internal sealed class StackPoller
    {
        private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan GoneGrace = TimeSpan.FromSeconds(15);

        private readonly StacksClient _stacks;
        private readonly Action<string> _trace;

        public StackPoller(StacksClient stacks, Action<string> trace)
        {
            _stacks = stacks;
            _trace = trace;
        }

        public async Task<HeatStack> WaitAsync(StackRef stack, TimeSpan timeout, Action<HeatStack> onStatus, bool untilGone, CancellationToken cancellationToken)
        {
            DateTime? completeSince = null;
            var deadline = DateTime.UtcNow + timeout;
            var delay = FirstDelay;
            string lastStatus = null;
            // Look the stack up by id once known: a deleted stack's name may already be taken by a new one.
            var current = stack;
            while (true)
            {
                HeatStack seen;
                try
                {
                    seen = await _stacks.GetAsync(current, cancellationToken).ConfigureAwait(false);
                }
                catch (HeatNotFoundException)
                {
                    seen = new HeatStack { StackName = stack.StackName, Id = stack.StackId, StackStatus = "DELETE_COMPLETE" };
                }
                catch (HeatException e) when (IsPassing(e))
                {
                    // Heat restarting, a gateway hiccup: nothing is known to have changed. The sender already retried;
                    // keep waiting until the deadline.
                    _trace?.Invoke($"Heat did not answer about '{stack}' ({e.Message}); still waiting.");
                    if (DateTime.UtcNow + delay > deadline)
                    {
                        throw new TimeoutException($"Stack '{stack}' was last seen {lastStatus ?? "(never)"}; Heat did not answer before the timeout of {timeout.TotalMinutes:0.#} minutes: {e.Message}");
                    }
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = Grow(delay);
                    continue;
                }
                if (seen.Id != null && seen.StackName != null) current = new StackRef(seen.StackName, seen.Id);
                if (seen.StackStatus != lastStatus)
                {
                    lastStatus = seen.StackStatus;
                    onStatus?.Invoke(seen);
                }
                if (!seen.IsInProgress)
                {
                    bool stillListed = untilGone && seen.StackStatus == "DELETE_COMPLETE" && seen.IsDetailed &&
                        await IsListedAsync(current, cancellationToken).ConfigureAwait(false);
                    if (!stillListed) return seen;
                    completeSince = completeSince ?? DateTime.UtcNow;
                    if (DateTime.UtcNow - completeSince.Value > GoneGrace) return seen;
                    delay = TimeSpan.FromMilliseconds(500);
                }
                if (DateTime.UtcNow + delay > deadline)
                {
                    throw new TimeoutException($"Stack '{stack}' is still {seen.StackStatus} after {timeout.TotalMinutes:0.#} minutes.");
                }
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                if (completeSince == null) delay = Grow(delay);
            }
        }

        private async Task<bool> IsListedAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await _stacks.IsListedAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (IsPassing(e))
            {
                // Could not look: count it as still listed, so the wait goes on until Heat answers or the deadline.
                _trace?.Invoke($"Heat did not answer the list ({e.Message}); still waiting.");
                return true;
            }
        }

        private static bool IsPassing(HeatException e) => e.IsTransient && !(e is HeatSessionClosedException);

        private static TimeSpan Grow(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, MaxDelay.TotalMilliseconds));
    }
}
