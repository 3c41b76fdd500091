using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Stacks
{
    /// <summary>Reads of stacks themselves: the list, and one stack by a name this session may have seen.</summary>
    internal sealed class StackReader
    {
        private readonly HeatApi _api;
        private readonly StackResolver _resolver;

        public StackReader(HeatApi api, StackResolver resolver)
        {
            _api = api;
            _resolver = resolver;
        }

        public async Task<Page<HeatStack>> ListPageAsync(StackListOptions options, string? marker, CancellationToken cancellationToken)
        {
            options = options ?? new StackListOptions();
            var query = Query.From(options);
            if (marker != null) query.Add(Query.Pair("marker", marker));
            return await _api.GetPageAsync<HeatStack>(Query.Append(HeatRoutes.Stacks, query), "stacks", options.PageSize, s => s.Id, cancellationToken)
                .ConfigureAwait(false);
        }

        public IEnumerable<HeatStack> List(StackListOptions options, CancellationToken cancellationToken) =>
            HeatApi.Paginate((marker, token) => ListPageAsync(options, marker, token), s => s.Id, null, cancellationToken);

        /// <summary>
        /// One stack with all its attributes. Heat resolves a name to name/id by redirect; a name this session has seen
        /// goes straight to its name/id (one request instead of two), and what Heat shows there is checked: a stack
        /// deleted since (DELETE_COMPLETE, or a 404) is looked up by its name again, once.
        /// </summary>
        /// <param name="resolveOutputs">False skips computing outputs (cheaper: how a wait polls).</param>
        public async Task<HeatStack> GetAsync(StackRef stack, CancellationToken cancellationToken, bool resolveOutputs = true)
        {
            if (stack.StackId == null && _resolver.TryRecall(stack.StackName, out var known))
            {
                var remembered = await TryShowRememberedAsync(known, resolveOutputs, cancellationToken).ConfigureAwait(false);
                if (remembered != null) return remembered;
            }
            var found = await ShowAsync(stack, resolveOutputs, cancellationToken).ConfigureAwait(false);
            // Only a name that Heat shows as this stack's name is remembered: not an id, not a name matched another way.
            if (stack.StackId == null && found.StackName == stack.StackName)
            {
                _resolver.Remember(new StackRef(found.StackName, found.Id));
            }
            return found;
        }

        /// <summary>The stack as Heat shows it now, or null when Heat has none or cannot be asked (what a request
        /// without a clear answer is checked against).</summary>
        public async Task<HeatStack?> TryGetAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await GetAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatNotFoundException)
            {
                return null;
            }
            catch (HeatException e) when (!(e is HeatSessionClosedException))
            {
                _api.Trace?.Invoke($"Could not look '{stack}' up: {e.Message}");
                return null;
            }
        }

        private async Task<HeatStack> ShowAsync(StackRef stack, bool resolveOutputs, CancellationToken cancellationToken)
        {
            var route = resolveOutputs ? HeatRoutes.Stack(stack) : Query.Append(HeatRoutes.Stack(stack), new[] { Query.Pair("resolve_outputs", "False") });
            var found = await _api.GetAsync<HeatStack>(route, "stack", cancellationToken).ConfigureAwait(false);
            found.IsDetailed = true;
            return found;
        }

        /// <summary>
        /// The stack at a remembered name/id, or null when that id no longer stands for the name: Heat shows a deleted
        /// stack by id as DELETE_COMPLETE for ever (or answers 404), and a stack re-created under the name has a new id.
        /// </summary>
        private async Task<HeatStack?> TryShowRememberedAsync(StackRef known, bool resolveOutputs, CancellationToken cancellationToken)
        {
            HeatStack? shown;
            try
            {
                shown = await ShowAsync(known, resolveOutputs, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatNotFoundException)
            {
                shown = null;
            }
            if (shown != null && shown.StackStatus != HeatStatus.DeleteComplete && shown.StackName == known.StackName && shown.Id == known.StackId)
            {
                return shown;
            }
            _resolver.Forget(known);
            _api.Trace?.Invoke($"Stack '{known.StackName}' is no longer {known.StackId} ({shown?.StackStatus ?? "not found"}); looking the name up again.");
            return null;
        }
    }
}
