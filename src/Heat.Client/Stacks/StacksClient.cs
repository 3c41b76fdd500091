using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Client.Waiting;

namespace Heat.Client.Stacks
{
    /// <summary>
    /// Stacks: <c>/stacks</c> and <c>/stacks/{name}/{id}</c>, and waiting for one. The one door for callers; each call is
    /// the work of one part: names (<see cref="StackResolver"/>), reads (<see cref="StackReader"/>), the requests that
    /// change a stack (<see cref="StackRequests"/>), waits (<see cref="StackWatcher"/>, above the event, resource and
    /// hook clients).
    /// </summary>
    public sealed class StacksClient
    {
        private readonly StackResolver _resolver;
        private readonly StackReader _reader;
        private readonly StackRequests _requests;
        private readonly StackWatcher _watcher;
        private readonly EventsClient _events;

        internal StacksClient(StackResolver resolver, StackReader reader, StackRequests requests, StackWatcher watcher, EventsClient events)
        {
            _resolver = resolver;
            _reader = reader;
            _requests = requests;
            _watcher = watcher;
            _events = events;
        }

        public Task<Page<HeatStack>> ListPageAsync(StackListOptions options, string? marker, CancellationToken cancellationToken) =>
            _reader.ListPageAsync(options, marker, cancellationToken);

        /// <summary>Every stack, page after page, each parsed as it arrives; the next page is fetched while the caller
        /// works through this one.</summary>
        public IEnumerable<HeatStack> List(StackListOptions options, CancellationToken cancellationToken) => _reader.List(options, cancellationToken);

        /// <summary>
        /// One stack with all its attributes. Heat resolves a name to name/id by redirect; a name this session has seen
        /// goes straight to its name/id (one request instead of two), and what Heat shows there is checked: a stack
        /// deleted since (DELETE_COMPLETE, or a 404) is looked up by its name again, once.
        /// </summary>
        /// <param name="resolveOutputs">False skips computing outputs (cheaper: how a wait polls).</param>
        public Task<HeatStack> GetAsync(StackRef stack, CancellationToken cancellationToken, bool resolveOutputs = true) =>
            _reader.GetAsync(stack, cancellationToken, resolveOutputs);

        /// <summary>A stack's name and id from either, with Heat's lookup (always asked: see <see cref="StackResolver.ResolveAsync"/>).</summary>
        public Task<StackRef> ResolveAsync(StackRef stack, CancellationToken cancellationToken) => _resolver.ResolveAsync(stack, cancellationToken);

        /// <summary>Creates a stack and returns what Heat answers: its id and links (plus the name given).</summary>
        /// <exception cref="HeatOutcomeUnknownException">No clear answer; the request was not sent again.</exception>
        public Task<HeatStack> CreateAsync(CreateStackRequest request, CancellationToken cancellationToken) => _requests.CreateAsync(request, cancellationToken);

        /// <summary>
        /// Updates a stack: PUT with a whole new template and parameters, or PATCH (<see cref="UpdateStackRequest.Existing"/>)
        /// keeping what is not given. Heat answers 202 and works on; wait for the result. Not sent twice on a guess.
        /// </summary>
        public Task UpdateAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken) =>
            _requests.UpdateAsync(stack, request, cancellationToken);

        /// <summary>A create from a saved plan's body, sent as it is (not sent twice on a guess).</summary>
        internal Task<HeatStack> CreateAsync(string stackName, Newtonsoft.Json.Linq.JObject body, CancellationToken cancellationToken) =>
            _requests.CreateAsync(stackName, body, cancellationToken);

        /// <summary>An update from a saved plan's body, sent as it is: PATCH when <paramref name="patch"/>.</summary>
        internal Task UpdateAsync(StackRef stack, Newtonsoft.Json.Linq.JObject body, bool patch, CancellationToken cancellationToken) =>
            _requests.UpdateAsync(stack, body, patch, cancellationToken);

        /// <summary>The resources a create would make (Heat's create preview), nested stacks' ones included; makes nothing.</summary>
        public Task<IReadOnlyList<HeatResourceChange>> PreviewCreateAsync(CreateStackRequest request, CancellationToken cancellationToken) =>
            _requests.PreviewCreateAsync(request, cancellationToken);

        /// <summary>What an update would do to each resource (Heat's preview); changes nothing.</summary>
        public Task<IReadOnlyList<HeatResourceChange>> PreviewUpdateAsync(StackRef stack, UpdateStackRequest request, bool showNested,
            CancellationToken cancellationToken) =>
            _requests.PreviewUpdateAsync(stack, request, showNested, cancellationToken);

        /// <summary>Starts one of Heat's stack actions (suspend, resume, check, cancel_update, cancel_without_rollback).</summary>
        public Task ActionAsync(StackRef stack, StackAction action, CancellationToken cancellationToken) => _requests.ActionAsync(stack, action, cancellationToken);

        /// <summary>Deletes a stack. After an unclear failure it looks first: a stack gone or being deleted is success.</summary>
        public Task DeleteAsync(StackRef stack, CancellationToken cancellationToken) => _requests.DeleteAsync(stack, cancellationToken);

        /// <summary>
        /// Waits until the stack ends the awaited action (see <see cref="StackWatchOptions"/>), reporting what it sees.
        /// A stack that is gone counts as DELETE_COMPLETE.
        /// </summary>
        /// <exception cref="HeatWaitTimeoutException">Still in progress at the deadline.</exception>
        /// <exception cref="HeatStackPausedException">Stopped at hooks with nothing else in progress.</exception>
        public Task<HeatStack> WaitAsync(StackRef stack, StackWatchOptions options, Action<StackProgress> onProgress, CancellationToken cancellationToken) =>
            _watcher.WatchAsync(stack, options, onProgress, cancellationToken);

        /// <summary>The newest event's id: the marker to take before an action, so that its wait reads only what follows.</summary>
        public Task<string?> NewestEventIdAsync(StackRef stack, CancellationToken cancellationToken) => _events.NewestIdAsync(stack, cancellationToken);
    }
}
