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

namespace Heat.Client
{
    /// <summary>Stacks: <c>/stacks</c> and <c>/stacks/{name}/{id}</c>.</summary>
    public sealed class StacksClient
    {
        private readonly HeatApi _api;

        internal StacksClient(HeatApi api)
        {
            _api = api;
        }

        // ---- routes --------------------------------------------------------------------------------------------

        internal static string ListRoute() => "stacks";

        /// <summary><c>stacks/{name}/{id}</c> when both are known, else <c>stacks/{name-or-id}</c> (Heat redirects).</summary>
        internal static string Route(StackRef stack) =>
            stack.StackName != null && stack.StackId != null
                ? $"stacks/{Query.Segment(stack.StackName)}/{Query.Segment(stack.StackId)}"
                : $"stacks/{Query.Segment(stack.StackId ?? stack.StackName)}";

        // ---- calls ---------------------------------------------------------------------------------------------

        public async Task<Page<HeatStack>> ListPageAsync(StackListOptions options, string marker, CancellationToken cancellationToken)
        {
            options = options ?? new StackListOptions();
            var query = Query.From(options);
            if (marker != null) query.Add(Query.Pair("marker", marker));
            var response = await _api.SendAsync(HttpMethod.Get, Query.Append(ListRoute(), query), null, cancellationToken).ConfigureAwait(false);
            var items = HeatApi.ReadList<HeatStack>(response, "stacks");
            return new Page<HeatStack>(items, HeatApi.NextMarker(response.Json, items.Count, options.PageSize, items.LastOrDefault()?.Id));
        }

        /// <summary>Every stack, page after page; each page is read only when the one before is used up.</summary>
        public IEnumerable<HeatStack> List(StackListOptions options, CancellationToken cancellationToken) =>
            HeatApi.Paginate(marker => ListPageAsync(options, marker, cancellationToken), s => s.Id, null, cancellationToken);

        /// <summary>One stack with all its attributes. Heat resolves a name to name/id by redirect.</summary>
        public async Task<HeatStack> GetAsync(StackRef stack, CancellationToken cancellationToken)
        {
            var found = await _api.GetAsync<HeatStack>(Route(stack), "stack", cancellationToken).ConfigureAwait(false);
            found.IsDetailed = true;
            return found;
        }

        /// <summary>
        /// A stack's name and id from either, with Heat's lookup (one request, the redirect read, not followed).
        /// Routes below a resource need both: Heat does not redirect those.
        /// </summary>
        public async Task<StackRef> ResolveAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName != null && stack.StackId != null) return stack;
            var response = await _api.SendAsync(HttpMethod.Get, Route(stack), null, cancellationToken, followRedirects: false).ConfigureAwait(false);
            if (response.Location != null)
            {
                if (HeatLink.TryParseStack(response.Location.ToString(), out var name, out var id) && !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id))
                {
                    return new StackRef(name, id);
                }
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType,
                    $"its redirect to {response.Location} does not name a stack");
            }
            var shown = HeatApi.Read<HeatStack>(response, response.Object("stack"));
            if (string.IsNullOrEmpty(shown.StackName) || string.IsNullOrEmpty(shown.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "GET", response.FinalUri, response.ContentType, "the stack it shows has no name or id");
            }
            return new StackRef(shown.StackName, shown.Id);
        }

        /// <summary>Creates a stack and returns what Heat answers: its id and links (plus the name given).</summary>
        /// <exception cref="HeatOutcomeUnknownException">No clear answer; the request was not sent again.</exception>
        public async Task<HeatStack> CreateAsync(CreateStackRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.StackName)) throw new ArgumentException("A stack needs a name.");
            var body = new JObject { ["stack_name"] = request.StackName };
            TemplateBody.Add(body, request.Template);
            body["parameters"] = TemplateParameters.Format((IDictionary)(request.Parameters ?? new Dictionary<string, object>()));
            if (request.TimeoutMinutes.HasValue) body["timeout_mins"] = request.TimeoutMinutes.Value;
            body["disable_rollback"] = request.DisableRollback;
            if (request.Tags != null && request.Tags.Count > 0) body["tags"] = string.Join(",", request.Tags);

            HeatResponse response;
            try
            {
                response = await _api.SendAsync(HttpMethod.Post, ListRoute(), body, cancellationToken).ConfigureAwait(false);
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
            return created;
        }

        /// <summary>Deletes a stack. After an unclear failure it looks first: a stack gone or being deleted is success.</summary>
        public async Task DeleteAsync(StackRef stack, CancellationToken cancellationToken)
        {
            try
            {
                await _api.SendAsync(HttpMethod.Delete, Route(stack), null, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                var found = await TryGetAsync(stack, cancellationToken).ConfigureAwait(false);
                if (found == null || found.StackStatus == "DELETE_COMPLETE" || found.StackStatus == "DELETE_IN_PROGRESS")
                {
                    _api.Trace?.Invoke($"The delete of '{stack}' got no clear answer ({e.Message}), but Heat shows it {found?.StackStatus ?? "gone"}.");
                    return;
                }
                throw new HeatOutcomeUnknownException(
                    $"Deleting stack '{stack}' got no clear answer ({e.Message}); it was not sent again. Heat now shows it as {found.StackStatus}.",
                    found, e);
            }
        }

        /// <summary>
        /// Polls a stack until it leaves IN_PROGRESS, with a growing interval. A stack that is gone counts as
        /// DELETE_COMPLETE; a Heat that does not answer for a while (a restart) is waited for until the deadline.
        /// </summary>
        /// <param name="untilGone">For a deletion: Heat shows DELETE_COMPLETE for a moment (and still lists the
        /// stack) before it forgets it; wait for that, up to a short grace, so that a list right after is clean.</param>
        public Task<HeatStack> WaitAsync(StackRef stack, TimeSpan timeout, Action<HeatStack> onStatus, bool untilGone, CancellationToken cancellationToken) =>
            new StackPoller(this, _api.Trace).WaitAsync(stack, timeout, onStatus, untilGone, cancellationToken);

        /// <summary>Whether the stack list still shows this stack (Heat shows a deleted stack by id for ever, and
        /// lists it for a moment after it reports DELETE_COMPLETE).</summary>
        internal async Task<bool> IsListedAsync(StackRef stack, CancellationToken cancellationToken)
        {
            if (stack.StackName == null || stack.StackId == null) return false;
            var options = new StackListOptions { PageSize = 50 };
            options.Names.Add(stack.StackName);
            var page = await ListPageAsync(options, null, cancellationToken).ConfigureAwait(false);
            return page.Items.Any(s => s.Id == stack.StackId);
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
