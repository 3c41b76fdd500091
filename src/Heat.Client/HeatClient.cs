using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client
{
    /// <summary>A page of a list, and where the next one starts.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string nextMarker)
        {
            Items = items;
            NextMarker = nextMarker;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The marker for the next page, or null on the last page.</summary>
        public string NextMarker { get; }
    }

    /// <summary>
    /// Heat's operations over one <see cref="HeatSession"/>. Cheap to create (one per cmdlet call); the session
    /// it uses is shared. Every call takes a <see cref="CancellationToken"/>. It never touches a PowerShell host:
    /// it reports what it does through <see cref="Trace"/>.
    /// </summary>
    public sealed class HeatClient
    {
        public HeatClient(HeatSession session, Action<string> trace = null)
        {
            Session = session ?? throw new ArgumentNullException(nameof(session));
            Trace = trace;
        }

        public HeatSession Session { get; }

        /// <summary>Receives one line per request and response (never a body or a token).</summary>
        public Action<string> Trace { get; }

        // ---- stacks ----------------------------------------------------------------------------

        public async Task<Page<HeatStack>> ListStacksPageAsync(StackListOptions options, string marker, CancellationToken cancellationToken)
        {
            options = options ?? new StackListOptions();
            var query = new List<KeyValuePair<string, string>>();
            foreach (var name in options.Names) query.Add(Pair("name", name));
            foreach (var status in options.Statuses) query.Add(Pair("status", status));
            foreach (var action in options.Actions) query.Add(Pair("action", action));
            if (options.Tags.Count > 0) query.Add(Pair("tags", string.Join(",", options.Tags)));
            if (options.TagsAny.Count > 0) query.Add(Pair("tags_any", string.Join(",", options.TagsAny)));
            if (options.ShowNested) query.Add(Pair("show_nested", "True"));
            if (options.ShowDeleted) query.Add(Pair("show_deleted", "True"));
            if (options.ShowHidden) query.Add(Pair("show_hidden", "True"));
            if (options.SortKey != null) query.Add(Pair("sort_keys", options.SortKey));
            if (options.SortDirection != null) query.Add(Pair("sort_dir", options.SortDirection));
            query.Add(Pair("limit", options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (marker != null) query.Add(Pair("marker", marker));

            var response = await GetAsync(HeatRoutes.WithQuery(HeatRoutes.Stacks(), query), cancellationToken).ConfigureAwait(false);
            var items = response.Array("stacks").Select(s => HeatStack.FromJson(s, detailed: false)).ToList();
            return new Page<HeatStack>(items, NextMarker(response.Json, items.Count, options.PageSize, items.LastOrDefault()?.Id));
        }

        /// <summary>Every stack, page after page; each page is read only when the one before is used up.</summary>
        public IEnumerable<HeatStack> ListStacks(StackListOptions options, CancellationToken cancellationToken)
        {
            return Paginate(marker => ListStacksPageAsync(options, marker, cancellationToken), s => s.Id, cancellationToken);
        }

        /// <summary>One stack with all its attributes. Heat resolves a name to name/id by redirect.</summary>
        public async Task<HeatStack> GetStackAsync(StackRef stack, CancellationToken cancellationToken)
        {
            var response = await GetAsync(HeatRoutes.Stack(stack), cancellationToken).ConfigureAwait(false);
            return HeatStack.FromJson(response.Object("stack"), detailed: true);
        }

        /// <summary>
        /// Finds a stack's name and id from either, with Heat's lookup (one request, the redirect not followed).
        /// Routes below a resource need both: Heat does not redirect those.
        /// </summary>
        public async Task<StackRef> ResolveStackAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName != null && stack.StackId != null) return stack;
            var response = await Session.SendAsync(HttpMethod.Get, Session.HeatUri(HeatRoutes.Stack(stack)), null, Trace, cancellationToken, followRedirects: false).ConfigureAwait(false);
            if (response.Location != null)
            {
                if (HeatLink.TryParseStack(response.Location.ToString(), out var name, out var id) && !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id))
                {
                    return new StackRef(name, id);
                }
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType,
                    $"its redirect to {response.Location} does not name a stack");
            }
            var json = response.Object("stack");
            if (json.Str("stack_name") == null || json.Str("id") == null)
            {
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType, "the stack it shows has no name or id");
            }
            return new StackRef(json.Str("stack_name"), json.Str("id"));
        }

        /// <summary>Creates a stack and returns what Heat answers: its id and links (plus the name given).</summary>
        public async Task<HeatStack> CreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.StackName)) throw new ArgumentException("A stack needs a name.");
            var body = new JObject { ["stack_name"] = request.StackName };
            AddTemplate(body, request.Template);
            body["parameters"] = TemplateParameters.Format(request.Parameters ?? new System.Collections.Hashtable(), request.ParameterFiles, request.BaseDirectory);
            if (request.TimeoutMinutes.HasValue) body["timeout_mins"] = request.TimeoutMinutes.Value;
            body["disable_rollback"] = request.DisableRollback;
            if (request.Tags != null && request.Tags.Count > 0) body["tags"] = string.Join(",", request.Tags);

            HeatResponse response;
            try
            {
                response = await SendAsync(HttpMethod.Post, HeatRoutes.Stacks(), body, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                // Not sent again: a second create could make a second stack or fail on the first. Say what Heat shows now.
                var found = await TryFindAsync(StackRef.FromNameOrId(request.StackName), cancellationToken).ConfigureAwait(false);
                throw new HeatOutcomeUnknownException(
                    $"Creating stack '{request.StackName}' got no clear answer ({e.Message}); it was not sent again. " +
                    (found == null ? "Heat shows no stack of that name now." : $"Heat now shows it as {found.StackStatus} (id {found.Id}, created {found.CreationTime:u})."),
                    found, e);
            }
            var json = response.Object("stack");
            if (json.Str("id") == null)
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "the stack it returns has no id");
            }
            var created = HeatStack.FromJson(json, detailed: false);
            created.StackName = created.StackName ?? request.StackName;
            created.StackStatus = created.StackStatus ?? "CREATE_IN_PROGRESS";
            return created;
        }

        public async Task DeleteStackAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                await SendAsync(HttpMethod.Delete, HeatRoutes.Stack(stack), null, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                // Not sent again blindly: look first. A stack that is gone or being deleted is what the caller wanted.
                var found = await TryFindAsync(stack, cancellationToken).ConfigureAwait(false);
                if (found == null || found.StackStatus == "DELETE_COMPLETE" || found.StackStatus == "DELETE_IN_PROGRESS")
                {
                    Trace?.Invoke($"The delete of '{stack}' got no clear answer ({e.Message}), but Heat shows it {found?.StackStatus ?? "gone"}.");
                    return;
                }
                throw new HeatOutcomeUnknownException(
                    $"Deleting stack '{stack}' got no clear answer ({e.Message}); it was not sent again. Heat now shows it as {found.StackStatus}.",
                    found, e);
            }
        }

        /// <summary>The stack as Heat shows it now, or null when Heat has none or cannot be asked.</summary>
        private async Task<HeatStack> TryFindAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                return await GetStackAsync(stack, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatNotFoundException)
            {
                return null;
            }
            catch (HeatException e) when (!(e is HeatSessionClosedException))
            {
                Trace?.Invoke($"Could not look '{stack}' up: {e.Message}");
                return null;
            }
        }

        /// <summary>
        /// Polls a stack until it leaves IN_PROGRESS, with a growing interval. A stack that is gone counts as
        /// DELETE_COMPLETE. Reports each new status through <paramref name="onStatus"/>.
        /// </summary>
        public async Task<HeatStack> WaitForStackAsync(StackRef stack, TimeSpan timeout, Action<HeatStack> onStatus, CancellationToken cancellationToken)
        {
            return await WaitForStackAsync(stack, timeout, onStatus, untilGone: false, cancellationToken).ConfigureAwait(false);
        }

        /// <param name="untilGone">For a deletion: Heat shows DELETE_COMPLETE for a moment (and still lists the
        /// stack) before it forgets it; wait for that, up to a short grace, so that a list right after is clean.</param>
        public async Task<HeatStack> WaitForStackAsync(StackRef stack, TimeSpan timeout, Action<HeatStack> onStatus, bool untilGone, CancellationToken cancellationToken)
        {
            DateTime? completeSince = null;
            var deadline = DateTime.UtcNow + timeout;
            var delay = TimeSpan.FromSeconds(1);
            string lastStatus = null;
            // Look the stack up by id once known: a deleted stack's name may already be taken by a new one.
            var current = stack;
            while (true)
            {
                HeatStack seen;
                try
                {
                    seen = await GetStackAsync(current, cancellationToken).ConfigureAwait(false);
                }
                catch (HeatNotFoundException)
                {
                    seen = new HeatStack { StackName = stack.StackName, Id = stack.StackId, StackStatus = "DELETE_COMPLETE" };
                }
                catch (HeatException e) when (e.IsTransient && !(e is HeatSessionClosedException))
                {
                    // Heat restarting, a gateway hiccup: the stack has not changed because we could not see it. Keep
                    // waiting (the sender already retried) until the deadline.
                    Trace?.Invoke($"Heat did not answer about '{stack}' ({e.Message}); still waiting.");
                    if (DateTime.UtcNow + delay > deadline)
                    {
                        throw new TimeoutException($"Stack '{stack}' was last seen {lastStatus ?? "(never)"}; Heat did not answer before the timeout of {timeout.TotalMinutes:0.#} minutes: {e.Message}");
                    }
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 10000));
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
                    if (DateTime.UtcNow - completeSince.Value > TimeSpan.FromSeconds(15)) return seen;
                    delay = TimeSpan.FromMilliseconds(500);
                }
                if (DateTime.UtcNow + delay > deadline)
                {
                    throw new TimeoutException($"Stack '{stack}' is still {seen.StackStatus} after {timeout.TotalMinutes:0.#} minutes.");
                }
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                if (completeSince == null) delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 10000));
            }
        }

        /// <summary>Whether the stack list still shows this stack (Heat shows a deleted stack by id for ever, and
        /// lists it for a moment after it reports DELETE_COMPLETE).</summary>
        private async Task<bool> IsListedAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName == null || stack.StackId == null) return false;
            var options = new StackListOptions { PageSize = 50 };
            options.Names.Add(stack.StackName);
            try
            {
                var page = await ListStacksPageAsync(options, null, cancellationToken).ConfigureAwait(false);
                return page.Items.Any(s => s.Id == stack.StackId);
            }
            catch (HeatException e) when (e.IsTransient && !(e is HeatSessionClosedException))
            {
                // Could not look: count it as still listed, so the wait goes on until Heat answers or the deadline.
                Trace?.Invoke($"Heat did not answer the list ({e.Message}); still waiting.");
                return true;
            }
        }

        // ---- events ----------------------------------------------------------------------------

        public async Task<Page<HeatEvent>> ListEventsPageAsync(StackRef stack, EventListOptions options, string marker, CancellationToken cancellationToken)
        {
            options = options ?? new EventListOptions();
            var query = new List<KeyValuePair<string, string>>();
            foreach (var status in options.ResourceStatuses) query.Add(Pair("resource_status", status));
            foreach (var action in options.ResourceActions) query.Add(Pair("resource_action", action));
            foreach (var type in options.ResourceTypes) query.Add(Pair("resource_type", type));
            if (options.NestedDepth.HasValue) query.Add(Pair("nested_depth", options.NestedDepth.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (options.SortDirection != null) query.Add(Pair("sort_dir", options.SortDirection));
            query.Add(Pair("limit", options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (marker != null) query.Add(Pair("marker", marker));

            if (options.ResourceName != null) stack = await ResolveStackAsync(stack, cancellationToken).ConfigureAwait(false);
            var path = options.ResourceName != null ? HeatRoutes.ResourceEvents(stack, options.ResourceName) : HeatRoutes.Events(stack);
            var response = await GetAsync(HeatRoutes.WithQuery(path, query), cancellationToken).ConfigureAwait(false);
            var items = response.Array("events").Select(e => HeatEvent.FromJson(e, stack.StackName, stack.StackId)).ToList();
            return new Page<HeatEvent>(items, NextMarker(response.Json, items.Count, options.PageSize, items.LastOrDefault()?.Id));
        }

        public IEnumerable<HeatEvent> ListEvents(StackRef stack, EventListOptions options, CancellationToken cancellationToken)
        {
            var start = options?.Marker;
            var resolved = stack;
            return Paginate(async marker =>
            {
                // A resource's events need the stack's name and id: look it up once, not once a page.
                if (options?.ResourceName != null) resolved = await ResolveStackAsync(resolved, cancellationToken).ConfigureAwait(false);
                return await ListEventsPageAsync(resolved, options, marker ?? start, cancellationToken).ConfigureAwait(false);
            }, e => e.Id, cancellationToken);
        }

        /// <summary>One event, which Heat addresses through its resource.</summary>
        public async Task<HeatEvent> GetEventAsync(StackRef stack, string resourceName, string eventId, CancellationToken cancellationToken)
        {
            stack = await ResolveStackAsync(stack, cancellationToken).ConfigureAwait(false);
            var response = await GetAsync(HeatRoutes.Event(stack, resourceName, eventId), cancellationToken).ConfigureAwait(false);
            return HeatEvent.FromJson(response.Object("event"), stack.StackName, stack.StackId);
        }

        // ---- resources -------------------------------------------------------------------------

        public async Task<IReadOnlyList<HeatResource>> ListResourcesAsync(StackRef stack, ResourceListOptions options, CancellationToken cancellationToken)
        {
            options = options ?? new ResourceListOptions();
            var query = new List<KeyValuePair<string, string>>();
            if (options.NestedDepth.HasValue) query.Add(Pair("nested_depth", options.NestedDepth.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (options.WithDetail) query.Add(Pair("with_detail", "True"));
            foreach (var type in options.Types) query.Add(Pair("type", type));
            foreach (var status in options.Statuses) query.Add(Pair("status", status));
            foreach (var action in options.Actions) query.Add(Pair("action", action));
            foreach (var name in options.Names) query.Add(Pair("name", name));
            var response = await GetAsync(HeatRoutes.WithQuery(HeatRoutes.Resources(stack), query), cancellationToken).ConfigureAwait(false);
            return response.Array("resources").Select(r => HeatResource.FromJson(r, stack.StackName, stack.StackId)).ToList();
        }

        /// <summary>One resource with its attributes, and its metadata.</summary>
        public async Task<HeatResource> GetResourceAsync(StackRef stack, string resourceName, bool withMetadata, CancellationToken cancellationToken)
        {
            stack = await ResolveStackAsync(stack, cancellationToken).ConfigureAwait(false);
            var response = await GetAsync(HeatRoutes.Resource(stack, resourceName), cancellationToken).ConfigureAwait(false);
            var resource = HeatResource.FromJson(response.Object("resource"), stack.StackName, stack.StackId);
            if (withMetadata)
            {
                var owner = resource.StackName != null && resource.StackId != null ? new StackRef(resource.StackName, resource.StackId) : stack;
                var metadata = await GetAsync(HeatRoutes.ResourceMetadata(owner, resourceName), cancellationToken).ConfigureAwait(false);
                resource.Metadata = HeatJson.ToHashtable(metadata.Object("metadata")) ?? new System.Collections.Hashtable();
            }
            return resource;
        }

        // ---- templates -------------------------------------------------------------------------

        /// <summary>Asks Heat whether a template is valid; a 400 carries Heat's reason.</summary>
        public async Task<HeatTemplateValidation> ValidateTemplateAsync(ValidateTemplateRequest request, string source, CancellationToken cancellationToken)
        {
            var body = new JObject();
            AddTemplate(body, request.Template);
            if ((request.Parameters != null && request.Parameters.Count > 0) || (request.ParameterFiles != null && request.ParameterFiles.Count > 0))
            {
                body["parameters"] = TemplateParameters.Format(request.Parameters ?? new System.Collections.Hashtable(), request.ParameterFiles, request.BaseDirectory);
            }
            var query = new List<KeyValuePair<string, string>>();
            if (request.IgnoreErrors.Count > 0) query.Add(Pair("ignore_errors", string.Join(",", request.IgnoreErrors)));
            if (request.ShowNested) query.Add(Pair("show_nested", "True"));
            // A validation changes nothing: safe to send again after a transient failure.
            var response = await Session.SendAsync(HttpMethod.Post, Session.HeatUri(HeatRoutes.WithQuery(HeatRoutes.Validate(), query)), body, Trace,
                cancellationToken, idempotent: true).ConfigureAwait(false);
            return HeatTemplateValidation.FromJson(response.Body(), source);
        }

        /// <summary>Reads an http(s) URL that a template names.</summary>
        public Task<string> FetchTextAsync(Uri uri, CancellationToken cancellationToken) => Session.FetchTextAsync(uri, MaxTemplateFileBytes, Trace, cancellationToken);

        /// <summary>The most one fetched template file may hold.</summary>
        internal const long MaxTemplateFileBytes = 16L * 1024 * 1024;

        // ---- plumbing --------------------------------------------------------------------------

        private static void AddTemplate(JObject body, TemplateBundle template)
        {
            if (template == null) throw new ArgumentException("A template is required.");
            if (template.Template != null) body["template"] = template.Template;
            else if (template.TemplateUrl != null) body["template_url"] = template.TemplateUrl;
            else throw new ArgumentException("The template is empty.");
            if (template.Files.Count > 0)
            {
                var files = new JObject();
                foreach (var pair in template.Files) files[pair.Key] = pair.Value;
                body["files"] = files;
            }
            if (template.Environment != null) body["environment"] = template.Environment;
            // As the reference client does: the environment files travel in 'files' and are named here too.
            if (template.EnvironmentFiles.Count > 0) body["environment_files"] = new JArray(template.EnvironmentFiles.ToArray());
        }

        private Task<HeatResponse> GetAsync(string relative, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, relative, null, cancellationToken);

        private Task<HeatResponse> SendAsync(HttpMethod method, string relative, JToken body, CancellationToken cancellationToken) =>
            Session.SendAsync(method, Session.HeatUri(relative), body, Trace, cancellationToken);

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);

        /// <summary>Heat's <c>next</c> link when it gives one; otherwise a full page means there may be more.</summary>
        private static string NextMarker(JToken json, int count, int pageSize, string lastId)
        {
            if (count == 0) return null;
            if (json?["links"] is JArray links)
            {
                foreach (var link in links)
                {
                    if (link.Str("rel") == "next" && Uri.TryCreate(link.Str("href"), UriKind.Absolute, out var next))
                    {
                        foreach (var part in next.Query.TrimStart('?').Split('&'))
                        {
                            if (part.StartsWith("marker=", StringComparison.Ordinal)) return Uri.UnescapeDataString(part.Substring(7));
                        }
                    }
                }
            }
            return count >= pageSize ? lastId : null;
        }

        /// <summary>
        /// Reads page after page. Stops on an empty page, on a page that brings nothing new, and on a marker seen before
        /// (a server that ignores or invents markers would otherwise page for ever), and never yields the same id twice.
        /// </summary>
        private static IEnumerable<T> Paginate<T>(Func<string, Task<Page<T>>> fetch, Func<T, string> idOf, CancellationToken cancellationToken)
        {
            string marker = null;
            var markers = new HashSet<string>(StringComparer.Ordinal);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = fetch(marker).GetAwaiter().GetResult();
                int fresh = 0;
                foreach (var item in page.Items)
                {
                    var id = idOf(item);
                    if (id != null && !ids.Add(id)) continue;
                    fresh++;
                    yield return item;
                }
                if (fresh == 0 || page.NextMarker == null || !markers.Add(page.NextMarker)) yield break;
                marker = page.NextMarker;
            }
        }
    }
}
