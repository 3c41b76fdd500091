using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// -ResourceType of Get-HeatEvent, with the meaning it has in Get-HeatResource: the events of resources whose type
    /// matches (names or wildcards, without regard to case), listed or followed alike. Heat's event list does not say
    /// the resource's type, and its own resource_type filter takes no wildcards and is not there for a followed stream,
    /// so the types come from the stack's resources (nested ones to the depth asked), looked up again when an event names
    /// a resource not seen yet (a resource the stack is creating now). An event whose resource Heat no longer lists (it
    /// was deleted) has no type to match.
    /// </summary>
    internal sealed class ResourceTypeFilter
    {
        private readonly List<WildcardPattern> _patterns;
        private readonly StackRef _stack;
        private readonly int? _nestedDepth;
        private readonly Dictionary<string, string> _types = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _unknownAfterLookup = new HashSet<string>(StringComparer.Ordinal);

        public ResourceTypeFilter(IEnumerable<string> types, StackRef stack, int? nestedDepth)
        {
            _patterns = (types ?? Enumerable.Empty<string>()).Select(Wildcards.Pattern).ToList();
            _stack = stack;
            _nestedDepth = nestedDepth;
        }

        /// <summary>Whether a type was asked for at all: without one, every event passes and nothing is looked up.</summary>
        public bool Active => _patterns.Count > 0;

        /// <summary>Whether the event's resource is of a type asked for; may list the stack's resources (once, and again
        /// for a resource not seen before).</summary>
        public async Task<bool> MatchesAsync(HeatClient client, HeatEvent evt, CancellationToken cancellationToken)
        {
            if (!Active) return true;
            var key = Key(evt.StackId, evt.ResourceName);
            if (!_types.ContainsKey(key) && !_unknownAfterLookup.Contains(key))
            {
                await LookUpAsync(client, cancellationToken).ConfigureAwait(false);
                if (!_types.ContainsKey(key)) _unknownAfterLookup.Add(key);
            }
            return _types.TryGetValue(key, out var type) && _patterns.Any(p => p.IsMatch(type ?? string.Empty));
        }

        private async Task LookUpAsync(HeatClient client, CancellationToken cancellationToken)
        {
            var resources = await client.Resources.ListAsync(_stack, new ResourceListOptions { NestedDepth = _nestedDepth }, cancellationToken)
                .ConfigureAwait(false);
            foreach (var resource in resources) _types[Key(resource.StackId, resource.ResourceName)] = resource.ResourceType;
        }

        private static string Key(string stackId, string resourceName) => (stackId ?? string.Empty) + "/" + resourceName;
    }
}
