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

        public async Task<HeatStack> CreateAsync(CreateStackRequest request, CancellationToken cancellationToken)
        {
            var body = StackBodies.Create(request);
            HeatResponse response;
            try
            {
                response = await _api.SendAsync(HttpMethod.Post, HeatRoutes.Stacks, body, cancellationToken).ConfigureAwait(false);
            }
            catch (HeatException e) when (e.MayHaveBeenProcessed)
            {
                // Not sent again: a second create could make a second stack or fail on the first. Say what Heat shows now.
                // The name was checked when the body was built.
                var found = await _reader.TryGetAsync(new StackRef(request.StackName, null), cancellationToken).ConfigureAwait(false);
                throw new HeatOutcomeUnknownException(
                    $"Creating stack '{request.StackName}' got no clear answer ({e.Message}); it was not sent again. " +
                    (found == null ? "Heat shows no stack of that name now." : $"Heat now shows it as {found.StackStatus} (id {found.Id}, created {found.CreationTime:u})."),
                    found, e);
            }
            var created = HeatApi.Read<HeatStack>(response, response.Object("stack"));
            if (Strings.IsNullOrEmpty(created.Id))
            {
                throw new HeatInvalidResponseException(response.StatusCode, "POST", response.FinalUri, response.ContentType, "the stack it returns has no id");
            }
            created.StackName = created.StackName ?? request.StackName;
            created.StackStatus = created.StackStatus ?? HeatStatus.CreateInProgress;
            // The new stack is now what its name stands for (an older one of that name, deleted, is not).
            if (created.StackName == request.StackName) _resolver.Remember(new StackRef(created.StackName, created.Id));
            return created;
        }

        public async Task UpdateAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken)
        {
            var body = StackBodies.Update(request);
            var route = HeatRoutes.Stack(stack);
            try
            {
                await _api.SendAsync(request.Existing ? Patch : HttpMethod.Put, route, body, cancellationToken).ConfigureAwait(false);
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
