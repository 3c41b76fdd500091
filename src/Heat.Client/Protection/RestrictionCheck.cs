using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Protection
{
    /// <summary>
    /// Which environments restrict an update, and which of its changes they forbid. A full update (PUT) runs under the
    /// environment it sends (with its environment files); a patch under the stack's own merged with what it sends. When
    /// nothing is restricted, nothing is read or previewed.
    /// </summary>
    internal sealed class RestrictionCheck
    {
        private readonly StacksClient _stacks;
        private readonly StackDataClient _data;

        public RestrictionCheck(StacksClient stacks, StackDataClient data)
        {
            _stacks = stacks;
            _data = data;
        }

        public async Task<IReadOnlyList<JObject?>> EnvironmentsAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken)
        {
            var environments = new List<JObject?>(Sent(request.Template));
            if (request.Existing) environments.Add(await _data.GetEnvironmentObjectAsync(stack, cancellationToken).ConfigureAwait(false));
            return environments;
        }

        /// <summary>The changes of Heat's preview (this stack's own resources) that the environments forbid.</summary>
        public async Task<IReadOnlyList<HeatResourceChange>> RefusedAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var environments = await EnvironmentsAsync(stack, request, cancellationToken).ConfigureAwait(false);
            if (!RestrictedActions.Any(environments)) return new List<HeatResourceChange>();
            var changes = await _stacks.PreviewUpdateAsync(stack, request, showNested: false, cancellationToken).ConfigureAwait(false);
            return changes.Where(c => Forbids(environments, c, stack)).ToList();
        }

        public static bool Forbids(IReadOnlyList<JObject?> environments, HeatResourceChange change, StackRef stack) =>
            (change.StackName == null || change.StackName == stack.StackName) && change.ResourceName != null &&
            RestrictedActions.ActionOf(change.Change) is string action && RestrictedActions.For(change.ResourceName, environments).Contains(action);

        /// <summary>The environment sent with the request and its environment files, as Heat will merge them.</summary>
        private static IEnumerable<JObject?> Sent(TemplateBundle? bundle)
        {
            if (bundle == null) yield break;
            yield return bundle.Environment;
            foreach (var url in bundle.EnvironmentFiles)
            {
                if (bundle.Files.TryGetValue(url, out var text)) yield return JToken.Parse(text) as JObject;
            }
        }
    }
}
