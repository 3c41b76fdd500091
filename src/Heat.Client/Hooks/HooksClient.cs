using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Hooks
{
    /// <summary>Which resources wait at a hook, and clearing hooks: as heatclient's hook poll and hook clear.</summary>
    public sealed class HooksClient
    {
        private const int MaxNestedDepth = 10;

        private readonly HeatApi _api;
        private readonly StackResolver _stacks;
        private readonly StackReader _reader;
        private readonly EventsClient _events;
        private readonly ResourcesClient _resources;

        internal HooksClient(HeatApi api, StackResolver stacks, StackReader reader, EventsClient events, ResourcesClient resources)
        {
            _api = api;
            _stacks = stacks;
            _reader = reader;
            _events = events;
            _resources = resources;
        }

        /// <summary>
        /// The hook a stack in progress can be paused at: pre-create while it is created, pre-update while updated,
        /// pre-delete while deleted; null when it is not in progress (nothing waits).
        /// </summary>
        public static string? HookFor(HeatStack? stack)
        {
            if (stack == null || !stack.IsInProgress) return null;
            switch (stack.Action)
            {
                case HeatStatus.Create: return StackHooks.PreCreate;
                case HeatStatus.Update: return StackHooks.PreUpdate;
                case HeatStatus.Delete: return StackHooks.PreDelete;
                default: return null;
            }
        }

        /// <summary>
        /// The resources paused at a hook now: events of the current action (nested ones with <paramref name="nestedDepth"/>)
        /// that say a resource stopped at the hook, without a later event saying it was cleared.
        /// </summary>
        public async Task<IReadOnlyList<HeatStackHook>> PendingAsync(StackRef stack, int nestedDepth, CancellationToken cancellationToken)
        {
            var shown = await _reader.GetAsync(stack, cancellationToken, resolveOutputs: false).ConfigureAwait(false);
            var hook = HookFor(shown);
            if (hook == null) return Array.Empty<HeatStackHook>();
            var events = await _events.ListAllAsync(new StackRef(shown.StackName, shown.Id),
                new EventListOptions { NestedDepth = nestedDepth > 0 ? nestedDepth : (int?)null }, cancellationToken).ConfigureAwait(false);
            // Only what happened since the stack's own action began: an earlier action's hooks are history.
            var start = events.FindLastIndex(e => e.StackId == shown.Id && e.ResourceName == shown.StackName && e.ResourceStatus == HeatStatus.Of(shown.Action, HeatStatus.InProgress));
            var pending = new Dictionary<(string?, string?), HeatStackHook>();
            foreach (var evt in events.Skip(Math.Max(0, start)))
            {
                if (!StackHooks.TryRead(evt.ResourceStatusReason, out var seenHook, out var paused) || seenHook != hook) continue;
                var key = (evt.StackId, evt.ResourceName);
                if (paused)
                {
                    pending[key] = new HeatStackHook
                    {
                        StackName = evt.StackName,
                        StackId = evt.StackId,
                        ResourceName = evt.ResourceName,
                        HookType = hook,
                        Since = evt.EventTime,
                        RootStackName = evt.StackId == shown.Id ? null : shown.StackName,
                    };
                }
                else
                {
                    pending.Remove(key);
                }
            }
            return pending.Values.ToList();
        }

        /// <summary>Clears one resource's hook: Heat's signal with <c>unset_hook</c>.</summary>
        public async Task ClearAsync(StackRef stack, string resourceName, string hook, CancellationToken cancellationToken)
        {
            var route = HeatRoutes.ResourceSignal(resourceName);
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            await _api.SendAsync(HttpMethod.Post, route.At(stack), new JObject { ["unset_hook"] = hook },
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Clears the hook of every resource a path of patterns names ("web_*", "group/*/server"): each segment but the
        /// last matches resources whose nested stacks are searched, the last the resources to clear. Returns those cleared.
        /// </summary>
        public async Task<IReadOnlyList<HeatStackHook>> ClearMatchingAsync(StackRef stack, string[] path, string hook, Func<string, bool>[] matchers,
            CancellationToken cancellationToken)
        {
            if (path.Length == 0 || path.Length > MaxNestedDepth) throw new ArgumentException($"A hook path names 1 to {MaxNestedDepth} levels.");
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var cleared = new List<HeatStackHook>();
            var resources = await _resources.ListAsync(stack, new ResourceListOptions(), cancellationToken).ConfigureAwait(false);
            foreach (var resource in resources)
            {
                if (!(resource.ResourceName is string name) || !matchers[0](name)) continue;
                if (path.Length > 1)
                {
                    if (Strings.IsNullOrEmpty(resource.PhysicalResourceId)) continue;
                    cleared.AddRange(await ClearMatchingAsync(StackRef.FromNameOrId(resource.PhysicalResourceId), path.Skip(1).ToArray(), hook,
                        matchers.Skip(1).ToArray(), cancellationToken).ConfigureAwait(false));
                    continue;
                }
                await ClearAsync(stack, name, hook, cancellationToken).ConfigureAwait(false);
                cleared.Add(new HeatStackHook { StackName = stack.StackName, StackId = stack.StackId, ResourceName = name, HookType = hook });
            }
            return cleared;
        }
    }
}
