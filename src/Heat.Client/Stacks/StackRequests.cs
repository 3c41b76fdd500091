using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Stacks
{
    /// <summary>
    /// The requests that change a stack (create, update, delete, actions) and the update preview. A create, update or
    /// delete is never sent twice on a guess: after an answer that is not clear, what Heat shows now is read and reported.
    /// </summary>
    internal sealed class StackRequests
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private static readonly (string Key, string Name)[] ChangeKinds =
        {
            ("added", "Added"), ("replaced", "Replaced"), ("updated", "Updated"), ("deleted", "Deleted"), ("unchanged", "Unchanged"),
        };

        private readonly HeatApi _api;
        private readonly StackResolver _resolver;
        private readonly StackReader _reader;

        public StackRequests(HeatApi api, StackResolver resolver, StackReader reader)
        {
            _api = api;
            _resolver = resolver;
            _reader = reader;
        }

        public Task<HeatStack> CreateAsync(CreateStackRequest request, CancellationToken cancellationToken) =>
            CreateAsync(request.StackName ?? string.Empty, StackBodies.Create(request), cancellationToken);

        /// <summary>A create from a body built before (a saved plan's), sent as it is.</summary>
        public async Task<HeatStack> CreateAsync(string stackName, JObject body, CancellationToken cancellationToken)
        {
            HeatResponse response;
            try
            {
                response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.Stacks, body, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                // Not sent again: a second create could make a second stack or fail on the first. Say what Heat shows now.
                // The name was checked when the body was built.
                var found = await _reader.TryGetAsync(new StackRef(stackName, null), cancellationToken).ConfigureAwait(false);
                throw new HeatOutcomeUnknownException(
                    $"Creating stack '{stackName}' got no clear answer ({e.Message}); it was not sent again. " +
                    (found == null ? "Heat shows no stack of that name now." : $"Heat now shows it as {found.StackStatus} (id {found.Id}, created {found.CreationTime:u})."),
                    found, e);
            }
            var created = HeatApi.Read<HeatStack>(response, response.Object("stack"));
            if (Strings.IsNullOrEmpty(created.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "the stack it returns has no id");
            }
            created.StackName = created.StackName ?? stackName;
            created.StackStatus = created.StackStatus ?? HeatStatus.CreateInProgress;
            // The new stack is now what its name stands for (an older one of that name, deleted, is not).
            if (created.StackName == stackName) _resolver.Remember(new StackRef(created.StackName, created.Id));
            return created;
        }

        public Task UpdateAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken) =>
            UpdateAsync(stack, StackBodies.Update(request), request.Existing, cancellationToken);

        /// <summary>An update from a body built before (a saved plan's), sent as it is: PATCH when <paramref name="patch"/>.</summary>
        public async Task UpdateAsync(StackRef stack, JObject body, bool patch, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Stack(stack);
            try
            {
                await _api.SendAsync(patch ? Patch : HttpMethod.Put, route, body, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                var found = await _reader.TryGetAsync(stack, cancellationToken).ConfigureAwait(false);
                throw new HeatOutcomeUnknownException(
                    $"Updating stack '{stack}' got no clear answer ({e.Message}); it was not sent again. " +
                    (found == null ? "Heat shows no such stack now." : $"Heat now shows it as {found.StackStatus} (updated {found.UpdatedTime:u})."),
                    found, e);
            }
        }

        public async Task DeleteAsync(StackRef stack, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.Stack(stack);
            try
            {
                await _api.SendAsync(HttpMethod.Delete, route, null, cancellationToken).ConfigureAwait(false);
                _resolver.Forget(stack);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                var found = await _reader.TryGetAsync(stack, cancellationToken).ConfigureAwait(false);
                if (found == null || found.StackStatus == HeatStatus.DeleteComplete || found.StackStatus == HeatStatus.DeleteInProgress)
                {
                    _api.Trace?.Invoke($"The delete of '{stack}' got no clear answer ({e.Message}), but Heat shows it {found?.StackStatus ?? "gone"}.");
                    _resolver.Forget(stack);
                    return;
                }
                throw new HeatOutcomeUnknownException(
                    $"Deleting stack '{stack}' got no clear answer ({e.Message}); it was not sent again. Heat now shows it as {found.StackStatus}.",
                    found, e);
            }
        }

        public async Task ActionAsync(StackRef stack, StackAction action, CancellationToken cancellationToken)
        {
            await _api.SendAsync(HttpMethod.Post, HeatRoutes.Actions.At(stack), StackBodies.Action(action), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The resources a create would make, from Heat's create preview, each as an Added change. Heat gives a nested
        /// stack's resources as a list in place of the resource that holds them; that resource is written first (named
        /// by its children's parent_resource, type unknown), then its children, whose StackName is the nested stack's.
        /// </summary>
        public async Task<IReadOnlyList<HeatResourceChange>> PreviewCreateAsync(CreateStackRequest request, CancellationToken cancellationToken)
        {
            var body = StackBodies.Create(request);
            // A preview makes nothing: safe to send again after a transient failure.
            var response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.CreatePreview, body, cancellationToken, idempotent: true).ConfigureAwait(false);
            if (!(response.Object("stack")["resources"] is JArray resources))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "its stack has no \"resources\" list");
            }
            var result = new List<HeatResourceChange>();
            AddPreviewed(response, resources, request.StackName, depth: 0, result);
            return result;
        }

        /// <summary>Deeper than Heat ever nests (its max_nested_stack_depth is 5 by default): a preview nested deeper is not Heat's.</summary>
        private const int MaxPreviewDepth = 16;

        private static void AddPreviewed(HeatResponse response, JArray items, string? stackName, int depth, List<HeatResourceChange> result)
        {
            if (depth > MaxPreviewDepth)
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType,
                    $"its resources nest deeper than {MaxPreviewDepth} stacks");
            }
            foreach (var item in items)
            {
                if (result.Count >= ListingLimits.MaxItems)
                {
                    throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType,
                        $"it previews more than {ListingLimits.MaxItems} resources");
                }
                if (item is JArray nested)
                {
                    var first = nested.OfType<JObject>().FirstOrDefault();
                    var parent = first?["parent_resource"]?.Type == JTokenType.String ? (string?)first["parent_resource"] : null;
                    // An empty nested stack (a group of none) does not say which resource holds it.
                    if (parent != null) result.Add(new HeatResourceChange { ResourceName = parent, StackName = stackName }.As("Added"));
                    AddPreviewed(response, nested, first?["stack_name"]?.Type == JTokenType.String ? (string?)first["stack_name"] : null, depth + 1, result);
                    continue;
                }
                if (!(item is JObject resource))
                {
                    throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType,
                        "a resource it previews is neither an object nor a list");
                }
                var change = HeatApi.Read<HeatResourceChange>(response, resource).As("Added");
                // Nothing exists yet: Heat names the stack "None" and the resource has no physical id.
                change.StackId = null;
                change.PhysicalResourceId = null;
                result.Add(change);
            }
        }

        public async Task<IReadOnlyList<HeatResourceChange>> PreviewUpdateAsync(StackRef stack, UpdateStackRequest request, bool showNested,
            CancellationToken cancellationToken)
        {
            var body = StackBodies.Update(request);
            // Heat redirects a name only for some sub-routes; preview is not one of them.
            stack = await _resolver.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var route = Query.Append(HeatRoutes.UpdatePreview.At(stack), showNested ? new[] { Query.Pair("show_nested", "True") } : Array.Empty<KeyValuePair<string, string>>());
            // A preview changes nothing: safe to send again after a transient failure.
            var response = await _api.SendAsync(request.Existing ? Patch : HttpMethod.Put, route, body, cancellationToken, idempotent: true).ConfigureAwait(false);
            var changes = response.Object("resource_changes");
            var result = new List<HeatResourceChange>();
            foreach (var (key, name) in ChangeKinds)
            {
                var listed = changes[key];
                if (listed == null || listed.Type == JTokenType.Null) continue;
                if (!(listed is JArray items))
                {
                    throw new HeatInvalidResponseException(response.StatusCode, response.Method ?? (request.Existing ? "PATCH" : "PUT"), response.FinalUri,
                        response.ContentType, $"its \"{key}\" is not a list");
                }
                result.AddRange(items.Select(item => HeatApi.Read<HeatResourceChange>(response, item).As(name)));
            }
            return result;
        }
    }
}
