using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// Whether deleted stacks are still listed, for the waits that end only when a stack has left Heat's list (its name is
    /// free again only then). The waits of one client that ask within <see cref="Window"/> of each other share one
    /// listing filtered by all their names (Heat takes the name filter repeated), so twenty deletes waited for together
    /// cost a listing every half second, not twenty.
    /// </summary>
    internal sealed class ListedProbe
    {
        /// <summary>How long a batch gathers names before it is sent: short next to a wait's half-second polls.</summary>
        internal static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

        /// <summary>Names in one listing: one page of Heat's (a name lists at most one live stack).</summary>
        internal const int MaxNames = 50;

        private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyCollection<string>>> _listIds;
        private readonly object _lock = new object();
        private Batch? _open;

        /// <param name="listIds">The ids of the stacks listed under any of the names (one request).</param>
        public ListedProbe(Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyCollection<string>>> listIds)
        {
            _listIds = listIds;
        }

        private sealed class Batch
        {
            public readonly HashSet<string> Names = new HashSet<string>(StringComparer.Ordinal);
            public readonly TaskCompletionSource<IReadOnlyCollection<string>> Ids =
                new TaskCompletionSource<IReadOnlyCollection<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async Task<bool> IsListedAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName == null || stack.StackId == null) return false;
            Batch batch;
            bool opened = false;
            lock (_lock)
            {
                if (_open == null || _open.Names.Count >= MaxNames)
                {
                    _open = new Batch();
                    opened = true;
                }
                batch = _open;
                batch.Names.Add(stack.StackName);
            }
            if (opened) _ = SendAsync(batch, cancellationToken);
            try
            {
                var ids = await WithCancellation(batch.Ids.Task, cancellationToken).ConfigureAwait(false);
                return ids.Contains(stack.StackId);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The batch ran under the token of the wait that opened it, which was cancelled: this wait is not, so it asks alone.
                return (await _listIds(new[] { stack.StackName }, cancellationToken).ConfigureAwait(false)).Contains(stack.StackId);
            }
        }

        private async Task SendAsync(Batch batch, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Window, cancellationToken).ConfigureAwait(false);
                string[] names;
                lock (_lock)
                {
                    // Closed before it is sent: a name asked for from now on goes into the next batch.
                    if (_open == batch) _open = null;
                    names = batch.Names.ToArray();
                }
                batch.Ids.TrySetResult(await _listIds(names, cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                lock (_lock)
                {
                    if (_open == batch) _open = null;
                }
                batch.Ids.TrySetCanceled(cancellationToken);
            }
            catch (Exception e)
            {
                lock (_lock)
                {
                    if (_open == batch) _open = null;
                }
                batch.Ids.TrySetException(e);
            }
        }

        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task) cancellationToken.ThrowIfCancellationRequested();
            }
            return await task.ConfigureAwait(false);
        }
    }
}
