using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Stacks
{
    /// <summary>Stacks: <c>/stacks</c> and <c>/stacks/{name}/{id}</c>.</summary>
    public sealed class StacksClient
    {
        private readonly HeatApi _api;
        private StackWatcher _watcher;
        private EventsClient _events;
        private readonly ListedProbe _listed;

        internal StacksClient(HeatApi api)
        {
            _api = api;
            _listed = new ListedProbe(ListedIdsAsync);
        }

        /// <summary>Waits read events and resources: the clients are made together, then joined here.</summary>
        internal void Join(EventsClient events, ResourcesClient resources, HooksClient hooks)
        {
            _events = events;
            _watcher = new StackWatcher(this, events, resources, hooks, _api.Trace);
        }

        // ---- calls ---------------------------------------------------------------------------------------------

        public async Task<Page<HeatStack>> ListPageAsync(StackListOptions options, string marker, CancellationToken cancellationToken)
        {
            options = options ?? new StackListOptions();
            var query = Query.From(options);
            if (marker != null) query.Add(Query.Pair("marker", marker));
            return await _api.GetPageAsync<HeatStack>(Query.Append(HeatRoutes.Stacks, query), "stacks", options.PageSize, s => s.Id, cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>Every stack, page after page, each parsed as it arrives; the next page is fetched while the caller
        /// works through this one.</summary>
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
            if (stack.StackId == null && Names.TryGet(stack.StackName, out var known))
            {
                var remembered = await TryShowRememberedAsync(known, resolveOutputs, cancellationToken).ConfigureAwait(false);
                if (remembered != null) return remembered;
            }
            var found = await ShowAsync(stack, resolveOutputs, cancellationToken).ConfigureAwait(false);
            // Only a name that Heat shows as this stack's name is remembered: not an id, not a name matched another way.
            if (stack.StackId == null && found.StackName == stack.StackName)
            {
                Names.Remember(new StackRef(found.StackName, found.Id));
            }
            return found;
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
        private async Task<HeatStack> TryShowRememberedAsync(StackRef known, bool resolveOutputs, CancellationToken cancellationToken)
        {
            HeatStack shown;
            try
            {
                shown = await ShowAsync(known, resolveOutputs, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatNotFoundException)
            {
                shown = null;
            }
            if (shown != null && shown.StackStatus != "DELETE_COMPLETE" && shown.StackName == known.StackName && shown.Id == known.StackId)
            {
                return shown;
            }
            Names.Forget(known);
            _api.Trace?.Invoke($"Stack '{known.StackName}' is no longer {known.StackId} ({shown?.StackStatus ?? "not found"}); looking the name up again.");
            return null;
        }

        /// <summary>This session's name → id entries.</summary>
        internal StackNameCache Names => _api.Session.StackNames;

        /// <summary>A stack this module deleted or abandoned: its name no longer stands for its id.</summary>
        internal void Forget(StackRef stack) => Names.Forget(stack);

        /// <summary>
        /// A stack's name and id from either, with Heat's lookup (one request, the redirect read, not followed).
        /// Routes below a resource need both: Heat does not redirect those. Always asks Heat (and remembers the answer
        /// for reads by name): its callers act on the id or read routes that Heat answers for a deleted stack too
        /// (events, resources, template), so a remembered id could not be checked by what comes back.
        /// </summary>
        public async Task<StackRef> ResolveAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName != null && stack.StackId != null) return stack;
            var response = await _api.SendAsync(HttpMethod.Get, HeatRoutes.Stack(stack), null, cancellationToken, followRedirects: false).ConfigureAwait(false);
            if (response.Location != null)
            {
                if (HeatLink.TryParseStack(response.Location.ToString(), out var name, out var id) && !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id))
                {
                    return Resolved(stack, new StackRef(name, id));
                }
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType,
                    $"its redirect to {response.Location} does not name a stack");
            }
            var shown = HeatApi.Read<HeatStack>(response, response.Object("stack"));
            if (string.IsNullOrEmpty(shown.StackName) || string.IsNullOrEmpty(shown.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType, "the stack it shows has no name or id");
            }
            return Resolved(stack, new StackRef(shown.StackName, shown.Id));
        }

        /// <summary>
        /// A read below a stack (its resources, events, template...) that Heat answers for a deleted stack's id too, so
        /// a remembered id cannot be checked by what comes back. Given a name this session has seen, the read goes to the
        /// remembered name/id while Heat's lookup of the name runs at the same time: the answer is kept only when the
        /// lookup names the same id (then it took about one request's time, not two); otherwise it is dropped and the
        /// read is made again at the id Heat named. Without a remembered id: the lookup, then the read. With both name and
        /// id given: the read alone. Only for reads: nothing is sent to a guessed id that changes anything.
        /// </summary>
        /// <returns>The stack the read was made at (name and id) and its answer.</returns>
        internal async Task<(StackRef Stack, T Value)> ReadPinnedAsync<T>(StackRef stack, Func<StackRef, CancellationToken, Task<T>> read,
            CancellationToken cancellationToken)
        {
            if (stack.StackName != null && stack.StackId != null) return (stack, await read(stack, cancellationToken).ConfigureAwait(false));
            if (stack.StackId != null || !Names.TryGet(stack.StackName, out var known))
            {
                var resolved = await ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
                return (resolved, await read(resolved, cancellationToken).ConfigureAwait(false));
            }
            using (var guessing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var guess = Task.Run(() => read(known, guessing.Token), guessing.Token);
                StackRef current;
                try
                {
                    current = await ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    guessing.Cancel();
                    await Dropped(guess).ConfigureAwait(false);
                    throw;
                }
                if (current.StackId == known.StackId && current.StackName == known.StackName)
                {
                    return (known, await guess.ConfigureAwait(false));
                }
                guessing.Cancel();
                await Dropped(guess).ConfigureAwait(false);
                _api.Trace?.Invoke($"Stack '{known.StackName}' is no longer {known.StackId} (now {current.StackId}); read again there.");
                return (current, await read(current, cancellationToken).ConfigureAwait(false));
            }
        }

        /// <summary>Waits for a read whose answer is not wanted, so that it ends (and its error is seen) before the caller goes on.</summary>
        private static async Task Dropped(Task read)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch
            {
                // Its answer (or its failure) was for a stale id.
            }
        }

        /// <summary>Remembers what a lookup by name found, for the next read by that name.</summary>
        private StackRef Resolved(StackRef asked, StackRef found)
        {
            if (asked.StackId == null && asked.StackName == found.StackName) Names.Remember(found);
            return found;
        }

        /// <summary>Creates a stack and returns what Heat answers: its id and links (plus the name given).</summary>
        /// <exception cref="HeatOutcomeUnknownException">No clear answer; the request was not sent again.</exception>
        public async Task<HeatStack> CreateAsync(CreateStackRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.StackName)) throw new ArgumentException("A stack needs a name.");
            var body = new JObject { ["stack_name"] = request.StackName };
            if (request.AdoptStackData != null)
            {
                AddAdoptData(body, request.AdoptStackData);
                if (request.Template != null) TemplateBody.Add(body, request.Template, templateOptional: true);
            }
            else
            {
                TemplateBody.Add(body, request.Template);
            }
            body["parameters"] = TemplateParameters.Format((IDictionary)(request.Parameters ?? new Dictionary<string, object>()));
            if (request.TimeoutMinutes.HasValue) body["timeout_mins"] = request.TimeoutMinutes.Value;
            body["disable_rollback"] = request.DisableRollback;
            if (request.Tags != null && request.Tags.Count > 0) body["tags"] = string.Join(",", request.Tags);

            HeatResponse response;
            try
            {
                response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.Stacks, body, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                // Not sent again: a second create could make a second stack or fail on the first. Say what Heat shows now.
                var found = await TryGetAsync(StackRef.FromNameOrId(request.StackName), cancellationToken).ConfigureAwait(false);
                throw new HeatOutcomeUnknownException(
                    $"Creating stack '{request.StackName}' got no clear answer ({e.Message}); it was not sent again. " +
                    (found == null ? "Heat shows no stack of that name now." : $"Heat now shows it as {found.StackStatus} (id {found.Id}, created {found.CreationTime:u})."),
                    found, e);
            }
            var created = HeatApi.Read<HeatStack>(response, response.Object("stack"));
            if (string.IsNullOrEmpty(created.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "the stack it returns has no id");
            }
            created.StackName = created.StackName ?? request.StackName;
            created.StackStatus = created.StackStatus ?? "CREATE_IN_PROGRESS";
            // The new stack is now what its name stands for (an older one of that name, deleted, is not).
            if (created.StackName == request.StackName) Names.Remember(new StackRef(created.StackName, created.Id));
            return created;
        }

        /// <summary>
        /// Updates a stack: PUT with a whole new template and parameters, or PATCH (<see cref="UpdateStackRequest.Existing"/>)
        /// keeping what is not given. Heat answers 202 and works on; wait for the result. Not sent twice on a guess.
        /// </summary>
        public async Task UpdateAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken)
        {
            var body = UpdateBody(request);
            var route = HeatRoutes.Stack(stack);
            try
            {
                await _api.SendAsync(request.Existing ? Patch : HttpMethod.Put, route, body, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                var found = await TryGetAsync(stack, cancellationToken).ConfigureAwait(false);
                throw new HeatOutcomeUnknownException(
                    $"Updating stack '{stack}' got no clear answer ({e.Message}); it was not sent again. " +
                    (found == null ? "Heat shows no such stack now." : $"Heat now shows it as {found.StackStatus} (updated {found.UpdatedTime:u})."),
                    found, e);
            }
        }

        /// <summary>What an update would do to each resource (Heat's preview); changes nothing.</summary>
        public async Task<IReadOnlyList<HeatResourceChange>> PreviewUpdateAsync(StackRef stack, UpdateStackRequest request, bool showNested, CancellationToken cancellationToken)
        {
            // Heat redirects a name only for some sub-routes; preview is not one of them.
            stack = await ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var route = Query.Append(HeatRoutes.UpdatePreview.At(stack), showNested ? new[] { Query.Pair("show_nested", "True") } : new KeyValuePair<string, string>[0]);
            // A preview changes nothing: safe to send again after a transient failure.
            var response = await _api.SendAsync(request.Existing ? Patch : HttpMethod.Put, route, UpdateBody(request), cancellationToken, idempotent: true).ConfigureAwait(false);
            var changes = response.Object("resource_changes");
            var result = new List<HeatResourceChange>();
            foreach (var (key, name) in ChangeKinds)
            {
                if (changes[key] == null || changes[key].Type == JTokenType.Null) continue;
                if (!(changes[key] is JArray items))
                {
                    throw new HeatInvalidResponseException(response.StatusCode, response.Method, response.FinalUri, response.ContentType, $"its \"{key}\" is not a list");
                }
                result.AddRange(items.Select(item => HeatApi.Read<HeatResourceChange>(response, item).As(name)));
            }
            return result;
        }

        /// <summary>Starts one of Heat's stack actions (suspend, resume, check, cancel_update, cancel_without_rollback).</summary>
        public async Task ActionAsync(StackRef stack, StackAction action, CancellationToken cancellationToken)
        {
            await _api.SendAsync(HttpMethod.Post, HeatRoutes.Actions.At(stack), new JObject { [ActionName(action)] = null }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deletes a stack. After an unclear failure it looks first: a stack gone or being deleted is success.</summary>
        public async Task DeleteAsync(StackRef stack, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Stack(stack);
            try
            {
                await _api.SendAsync(HttpMethod.Delete, route, null, cancellationToken).ConfigureAwait(false);
                Forget(stack);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                var found = await TryGetAsync(stack, cancellationToken).ConfigureAwait(false);
                if (found == null || found.StackStatus == "DELETE_COMPLETE" || found.StackStatus == "DELETE_IN_PROGRESS")
                {
                    _api.Trace?.Invoke($"The delete of '{stack}' got no clear answer ({e.Message}), but Heat shows it {found?.StackStatus ?? "gone"}.");
                    Forget(stack);
                    return;
                }
                throw new HeatOutcomeUnknownException(
                    $"Deleting stack '{stack}' got no clear answer ({e.Message}); it was not sent again. Heat now shows it as {found.StackStatus}.",
                    found, e);
            }
        }

        /// <summary>
        /// Waits until the stack ends the awaited action (see <see cref="StackWatchOptions"/>), reporting what it sees.
        /// A stack that is gone counts as DELETE_COMPLETE.
        /// </summary>
        /// <exception cref="TimeoutException">Still in progress at the deadline.</exception>
        public Task<HeatStack> WaitAsync(StackRef stack, StackWatchOptions options, Action<StackProgress> onProgress, CancellationToken cancellationToken) =>
            _watcher.WatchAsync(stack, options, onProgress, cancellationToken);

        /// <summary>The newest event's id: the marker to take before an action, so that its wait reads only what follows.</summary>
        public async Task<string> NewestEventIdAsync(StackRef stack, CancellationToken cancellationToken)
        {
            var page = await _events.ListPageAsync(stack, new EventListOptions { SortDirection = "desc", PageSize = 1 }, null, cancellationToken).ConfigureAwait(false);
            return page.Items.FirstOrDefault()?.Id;
        }

        /// <summary>Whether the stack list still shows this stack (Heat shows a deleted stack by id for ever, and
        /// lists it for a moment after it reports DELETE_COMPLETE). Waits that ask at about the same time share one
        /// listing (<see cref="ListedProbe"/>).</summary>
        internal Task<bool> IsListedAsync(StackRef stack, CancellationToken cancellationToken) => _listed.IsListedAsync(stack, cancellationToken);

        /// <summary>The ids Heat lists under any of these names: one page, since a name lists at most one live stack.</summary>
        private async Task<IReadOnlyCollection<string>> ListedIdsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
        {
            var options = new StackListOptions { PageSize = ListedProbe.MaxNames };
            foreach (var name in names) options.Names.Add(name);
            var page = await ListPageAsync(options, null, cancellationToken).ConfigureAwait(false);
            return new HashSet<string>(page.Items.Select(s => s.Id), StringComparer.Ordinal);
        }

        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>As heatclient's adopt: the data goes as text, and the files it carries go as the request's files.</summary>
        private static void AddAdoptData(JObject body, string data)
        {
            JObject parsed;
            try
            {
                parsed = HeatJson.Parse(data) as JObject;
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new ArgumentException("The adopt data is not JSON: " + e.Message, e);
            }
            if (parsed == null) throw new ArgumentException("The adopt data is not a JSON object.");
            body["adopt_stack_data"] = data;
            if (parsed["files"] is JObject files && files.Count > 0) body["files"] = files;
        }

        private static readonly (string Key, string Name)[] ChangeKinds =
        {
            ("added", "Added"), ("replaced", "Replaced"), ("updated", "Updated"), ("deleted", "Deleted"), ("unchanged", "Unchanged"),
        };

        private static string ActionName(StackAction action)
        {
            switch (action)
            {
                case StackAction.Suspend: return "suspend";
                case StackAction.Resume: return "resume";
                case StackAction.Check: return "check";
                case StackAction.CancelUpdate: return "cancel_update";
                case StackAction.CancelWithoutRollback: return "cancel_without_rollback";
                default: throw new ArgumentOutOfRangeException(nameof(action));
            }
        }

        private static JObject UpdateBody(UpdateStackRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var body = new JObject();
            if (request.Template != null) TemplateBody.Add(body, request.Template, templateOptional: request.Existing);
            else if (!request.Existing) throw new ArgumentException("A full update needs a template; use Existing to keep the stack's own.");
            if (request.Parameters != null && (request.Parameters.Count > 0 || !request.Existing))
            {
                body["parameters"] = TemplateParameters.Format((IDictionary)request.Parameters);
            }
            if (request.ClearParameters != null && request.ClearParameters.Count > 0) body["clear_parameters"] = new JArray(request.ClearParameters.ToArray());
            if (request.TimeoutMinutes.HasValue) body["timeout_mins"] = request.TimeoutMinutes.Value;
            if (request.DisableRollback.HasValue) body["disable_rollback"] = request.DisableRollback.Value;
            if (request.Tags != null) body["tags"] = string.Join(",", request.Tags);
            if (request.Converge) body["converge"] = true;
            return body;
        }

        /// <summary>The stack as Heat shows it now, or null when Heat has none or cannot be asked.</summary>
        private async Task<HeatStack> TryGetAsync(StackRef stack, CancellationToken cancellationToken)
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
    }
}
