using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Insight
{
    /// <summary>
    /// What an update would do, as data: Heat's preview (which resources are added, replaced, updated, deleted), joined
    /// with a diff of the new template against the one Heat holds (which property changes from what to what), and the
    /// parameters' values now and after. Reads only; changes nothing.
    /// </summary>
    public sealed class StackComparer
    {
        private readonly StacksClient _stacks;
        private readonly StackDataClient _data;
        private readonly RestrictionCheck _restrictions;

        internal StackComparer(StacksClient stacks, StackDataClient data)
        {
            _stacks = stacks;
            _data = data;
            _restrictions = new RestrictionCheck(stacks, data);
        }

        /// <summary>
        /// The changes of an update that the environment in effect forbids (restricted_actions: update, replace): what
        /// Heat would fail the update on, part way. Empty, with nothing read, when nothing is restricted.
        /// </summary>
        public Task<IReadOnlyList<HeatResourceChange>> RefusedChangesAsync(StackRef stack, UpdateStackRequest request, CancellationToken cancellationToken) =>
            _restrictions.RefusedAsync(stack, request, cancellationToken);

        public async Task<IReadOnlyList<HeatStackDifference>> CompareAsync(StackRef stack, UpdateStackRequest request, bool showNested, CancellationToken cancellationToken)
        {
            stack = await _stacks.ResolveAsync(stack, cancellationToken).ConfigureAwait(false);
            var previewTask = _stacks.PreviewUpdateAsync(stack, request, showNested, cancellationToken);
            var currentTask = _stacks.GetAsync(stack, cancellationToken, resolveOutputs: false);
            var heldTask = _data.GetTemplateJsonAsync(stack, cancellationToken);
            var environmentsTask = _restrictions.EnvironmentsAsync(stack, request, cancellationToken);
            await Task.WhenAll(previewTask, currentTask, heldTask, environmentsTask).ConfigureAwait(false);
            var held = JObject.Parse(heldTask.Result);
            var proposed = request.Template?.Template as JObject ?? held;

            var differences = new List<HeatStackDifference>();
            foreach (var change in previewTask.Result)
            {
                // A change the environment forbids says so on each of its rows: Heat would fail the update on it.
                var restricted = RestrictionCheck.Forbids(environmentsTask.Result, change, stack) ? RestrictedActions.ActionOf(change.Change) : null;
                foreach (var row in ResourceRows(stack, change, held, proposed))
                {
                    row.Restricted = restricted;
                    differences.Add(row);
                }
            }
            differences.AddRange(ParameterRows(stack, currentTask.Result, held, proposed, request));
            return differences;
        }

        /// <summary>
        /// What a create would make, for a stack that does not exist yet: Heat's create preview as Added rows, one per
        /// resource (with <paramref name="showNested"/>, the nested stacks' resources too), and a row per parameter with
        /// the value it would take. Makes nothing.
        /// </summary>
        public async Task<IReadOnlyList<HeatStackDifference>> CompareCreateAsync(CreateStackRequest request, bool showNested, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var previewed = await _stacks.PreviewCreateAsync(request, cancellationToken).ConfigureAwait(false);
            var proposed = request.Template?.Template as JObject ?? new JObject();
            var differences = new List<HeatStackDifference>();
            foreach (var change in previewed)
            {
                bool nested = change.StackName != request.StackName;
                if (nested && !showNested) continue;
                differences.Add(new HeatStackDifference
                {
                    StackName = request.StackName,
                    Kind = "Resource",
                    Name = change.ResourceName,
                    Change = "Added",
                    // A resource that holds a nested stack comes without its type: the template says it.
                    ResourceType = change.ResourceType ?? (nested ? null : JsonDiff.Text(Resources(proposed)?[change.ResourceName ?? string.Empty]?["type"])),
                    NestedStackName = nested ? change.StackName : null,
                });
            }
            var given = TemplateParameters.Format((IDictionary)(request.Parameters ?? new Dictionary<string, object>()));
            var environment = request.Template?.Environment;
            foreach (var parameter in Parameters(proposed).Properties())
            {
                var definition = parameter.Value as JObject;
                var value = given[parameter.Name] ?? environment?["parameters"]?[parameter.Name] ?? environment?["parameter_defaults"]?[parameter.Name]
                    ?? definition?["default"] ?? definition?["Default"];
                differences.Add(new HeatStackDifference
                {
                    StackName = request.StackName,
                    Kind = "Parameter",
                    Name = parameter.Name,
                    Change = "Added",
                    After = IsHidden(definition) ? "(hidden)" : JsonDiff.Text(value),
                });
            }
            return differences;
        }

        private static IEnumerable<HeatStackDifference> ResourceRows(StackRef stack, HeatResourceChange change, JObject held, JObject proposed)
        {
            bool nested = change.StackName != null && change.StackName != stack.StackName;
            HeatStackDifference Row(string? property = null, JToken? before = null, JToken? after = null) => new HeatStackDifference
            {
                StackName = stack.StackName,
                StackId = stack.StackId,
                Kind = "Resource",
                Name = change.ResourceName,
                Change = change.Change,
                ResourceType = change.ResourceType,
                Property = property,
                Before = JsonDiff.Text(before),
                After = JsonDiff.Text(after),
                NestedStackName = nested ? change.StackName : null,
            };
            if (nested || (change.Change != "Updated" && change.Change != "Replaced"))
            {
                yield return Row();
                yield break;
            }
            var name = change.ResourceName;
            var before = name == null ? null : Resources(held)?[name];
            var after = name == null ? null : Resources(proposed)?[name];
            var paths = JsonDiff.Compare(before, after, string.Empty);
            if (paths.Count == 0)
            {
                // The definition is the same: what changes comes through a parameter or an attribute it reads.
                yield return Row();
                yield break;
            }
            foreach (var (path, was, becomes) in paths) yield return Row(path, was, becomes);
        }

        private static IEnumerable<HeatStackDifference> ParameterRows(StackRef stack, HeatStack current, JObject held, JObject proposed, UpdateStackRequest request)
        {
            var declared = Parameters(proposed);
            var before = Parameters(held);
            var given = TemplateParameters.Format((IDictionary)(request.Parameters ?? new Dictionary<string, object>()));
            var environment = request.Template?.Environment;
            var now = current.Parameters ?? new Hashtable();
            HeatStackDifference Row(string name, string change, string? was, string? becomes) => new HeatStackDifference
            {
                StackName = stack.StackName,
                StackId = stack.StackId,
                Kind = "Parameter",
                Name = name,
                Change = change,
                Before = was,
                After = becomes,
            };
            foreach (var parameter in declared.Properties())
            {
                var definition = parameter.Value as JObject;
                bool hidden = IsHidden(definition);
                var nowValue = now.ContainsKey(parameter.Name) ? Convert.ToString(now[parameter.Name], System.Globalization.CultureInfo.InvariantCulture) : null;
                var next = given[parameter.Name] ?? environment?["parameters"]?[parameter.Name] ?? environment?["parameter_defaults"]?[parameter.Name];
                string? nextValue = next != null ? JsonDiff.Text(next)
                    : request.Existing && !request.ClearParameters.Contains(parameter.Name) ? nowValue
                    : JsonDiff.Text(definition?["default"] ?? definition?["Default"]);
                if (before[parameter.Name] == null)
                {
                    yield return Row(parameter.Name, "Added", null, hidden ? "(hidden)" : nextValue);
                    continue;
                }
                if (hidden)
                {
                    // Heat shows a hidden value as asterisks: whether it changes cannot be known, and neither side is shown.
                    yield return Row(parameter.Name, next == null && !request.ClearParameters.Contains(parameter.Name) ? "Unchanged" : "Unknown", "(hidden)", "(hidden)");
                    continue;
                }
                var type = JsonDiff.Text(definition?["type"] ?? definition?["Type"]);
                yield return Row(parameter.Name, SameValue(nowValue, nextValue, type) ? "Unchanged" : "Changed", nowValue, nextValue);
            }
            foreach (var parameter in before.Properties().Where(p => declared[p.Name] == null))
            {
                yield return Row(parameter.Name, "Removed", IsHidden(parameter.Value as JObject) ? "(hidden)" : Convert.ToString(now[parameter.Name], System.Globalization.CultureInfo.InvariantCulture), null);
            }
        }

        /// <summary>Heat gives values back as text (a boolean as Python writes it, False); a list or map may come back as
        /// JSON text in another layout. A boolean or a number is compared as the value Heat reads from the text.</summary>
        internal static bool SameValue(string? now, string? next, string? type)
        {
            if (string.Equals(now ?? string.Empty, next ?? string.Empty, StringComparison.Ordinal)) return true;
            if (now != null && next != null && string.Equals(type, "boolean", StringComparison.OrdinalIgnoreCase) && HeatBoolean(now) is bool a && HeatBoolean(next) is bool b)
            {
                return a == b;
            }
            if (now != null && next != null && string.Equals(type, "number", StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(now, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) &&
                double.TryParse(next, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y))
            {
                return x.Equals(y);
            }
            try
            {
                return now != null && next != null && JToken.DeepEquals(JToken.Parse(now), JToken.Parse(next));
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return false;
            }
        }

        /// <summary>A boolean parameter's text as Heat reads it (oslo's bool_from_string, strict), or null.</summary>
        private static bool? HeatBoolean(string text)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "t": case "true": case "on": case "y": case "yes": case "1": return true;
                case "f": case "false": case "off": case "n": case "no": case "0": return false;
                default: return null;
            }
        }

        private static bool IsHidden(JObject? definition) => ParameterSchemata.IsHidden(definition);

        private static JObject? Resources(JObject template) => (template["resources"] ?? template["Resources"]) as JObject;

        private static JObject Parameters(JObject template) => (template["parameters"] ?? template["Parameters"]) as JObject ?? new JObject();
    }
}
