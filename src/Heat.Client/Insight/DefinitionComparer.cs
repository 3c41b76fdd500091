using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Internal;
using Heat.Client.Models;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Insight
{
    /// <summary>
    /// What Heat holds for a stack against what a full update (PUT) would send: the template, the files, the environment
    /// Heat would store (parameters included), tags, timeout and rollback. Reads only; changes nothing.
    /// </summary>
    /// <remarks>
    /// Heat's preview cannot answer this: it flags every nested stack (a ResourceGroup, a provider template) and every
    /// resource fed by get_attr as updated on every run, and it ignores tags and the timeout. Here both sides are
    /// compared after the normalisation each needs (<see cref="StoredEnvironment"/>). A hidden parameter Heat holds in
    /// the environment's parameters (given directly, or by an environment file's <c>parameters</c>) is shown by Heat as
    /// <c>******</c> whatever its value, so it cannot be compared: it counts as a difference, since saying "unchanged"
    /// could leave a new password unsent. A hidden value that comes from the template's default or from an environment
    /// file's <c>parameter_defaults</c> is compared, through the template and the files Heat shows.
    /// </remarks>
    public sealed class DefinitionComparer
    {
        private const string Masked = "******";
        private const int MaxPathsShown = 5;

        private readonly HeatClient _client;

        public DefinitionComparer(HeatClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>Compares <paramref name="held"/> (the stack as just read: name, id, tags, timeout, rollback) with a
        /// full update; reads the template, environment and files Heat holds for it.</summary>
        public async Task<DefinitionComparison> CompareAsync(HeatStack held, UpdateStackRequest request, CancellationToken cancellationToken)
        {
            if (held?.Id == null || held.StackName == null) throw new ArgumentException("The stack must be read first (name and id).", nameof(held));
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.Existing) throw new ArgumentException("Only a full update can be compared: a patch keeps what Heat holds.", nameof(request));
            var stack = new StackRef(held.StackName, held.Id);
            var template = _client.StackData.GetTemplateObjectAsync(stack, cancellationToken);
            var environment = _client.StackData.GetEnvironmentObjectAsync(stack, cancellationToken);
            var files = _client.StackData.GetFilesObjectAsync(stack, cancellationToken);
            await Task.WhenAll(template, environment, files).ConfigureAwait(false);
            return Compare(held, template.Result, environment.Result, files.Result, request);
        }

        internal static DefinitionComparison Compare(HeatStack held, JObject heldTemplate, JObject heldEnvironment, JObject heldFiles, UpdateStackRequest request)
        {
            var bundle = request.Template ?? throw new ArgumentException("A full update needs a template.", nameof(request));
            var differences = new List<string>();
            differences.AddRange(TemplateDifferences(heldTemplate, bundle));
            differences.AddRange(FileDifferences(heldFiles, bundle));
            differences.AddRange(EnvironmentDifferences(heldTemplate, heldEnvironment, heldFiles, bundle, request));
            differences.AddRange(StackDifferences(held, request));
            return new DefinitionComparison(differences);
        }

        private static IEnumerable<string> TemplateDifferences(JObject held, TemplateBundle bundle)
        {
            if (bundle.Template == null)
            {
                yield return "template (a URL for Heat to fetch: cannot be compared)";
                yield break;
            }
            var parts = JsonDiff.Compare(held, bundle.Template, string.Empty)
                .Select(d => string.Join(".", d.Path.Split('.').Take(2)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (parts.Count == 0) yield break;
            var shown = string.Join(", ", parts.Take(MaxPathsShown).Select(p => p.Length == 0 ? "(all)" : p));
            yield return "template: " + shown + (parts.Count > MaxPathsShown ? $" and {parts.Count - MaxPathsShown} more" : string.Empty);
        }

        private static IEnumerable<string> FileDifferences(JObject held, TemplateBundle bundle)
        {
            // Keys are the absolute URLs the loader made: the same file read from another folder is another key.
            var urls = bundle.Files.Keys.Union(held.Properties().Select(p => p.Name), StringComparer.Ordinal).ToList();
            var removed = urls.Where(url => !bundle.Files.ContainsKey(url)).Select(FileName).ToList();
            var added = urls.Where(url => held[url] == null).Select(FileName).ToList();
            foreach (var url in urls)
            {
                var name = FileName(url);
                if (!bundle.Files.TryGetValue(url, out var content))
                {
                    if (!added.Contains(name)) yield return $"files: {name} (removed)";
                }
                else if (held[url] == null)
                {
                    yield return $"files: {name} ({(removed.Contains(name) ? "another URL" : "added")})";
                }
                else if (held[url].AsText() != content)
                {
                    yield return $"files: {name} (changed)";
                }
            }
        }

        private static IEnumerable<string> EnvironmentDifferences(JObject heldTemplate, JObject heldEnvironment, JObject heldFiles,
            TemplateBundle bundle, UpdateStackRequest request)
        {
            var direct = TemplateParameters.Format((System.Collections.IDictionary)(request.Parameters ?? new Dictionary<string, object>()));
            var declared = ParameterSchemata.Of(bundle.Template as JObject, bundle.Files.Values);
            if (!StoredEnvironment.TryFor(bundle, direct, declared.Keys, out var wanted, out var unknown))
            {
                yield return unknown;
                yield break;
            }
            // Heat masks by the schemata of the template it holds.
            var masked = ParameterSchemata.Of(heldTemplate, heldFiles.Properties().Select(p => p.Value.AsText()));
            var want = StoredEnvironment.Normalise(wanted);
            var have = StoredEnvironment.Normalise(heldEnvironment);
            foreach (var name in ChangedValues("parameter", have["parameters"], want["parameters"], masked, hiddenComparedElsewhere: false))
            {
                yield return name;
            }
            // With environment files, parameter_defaults come only from them, and Heat shows their content in the files map.
            foreach (var name in ChangedValues("parameter default", have["parameter_defaults"], want["parameter_defaults"], masked,
                hiddenComparedElsewhere: bundle.EnvironmentFiles.Count > 0))
            {
                yield return name;
            }
            foreach (var section in new[] { "resource_registry", "event_sinks" })
            {
                if (!JToken.DeepEquals(have[section], want[section])) yield return "environment: " + section;
            }
        }

        private static IEnumerable<string> ChangedValues(string label, JToken? held, JToken? wanted, Dictionary<string, bool> schemata, bool hiddenComparedElsewhere)
        {
            var have = Values(held);
            var want = Values(wanted);
            foreach (var name in have.Keys.Union(want.Keys, StringComparer.Ordinal))
            {
                have.TryGetValue(name, out var was);
                want.TryGetValue(name, out var becomes);
                bool hidden = was.AsText() == Masked && schemata.TryGetValue(name, out var isHidden) && isHidden;
                if (hidden && becomes != null)
                {
                    if (!hiddenComparedElsewhere) yield return $"{label} {name} (hidden: Heat does not show its value, so it cannot be compared)";
                }
                else if (!JToken.DeepEquals(was, becomes))
                {
                    yield return $"{label} {name}";
                }
            }
        }

        /// <summary>A section's values by name; a null value means "not given" to Heat, as an absent one does.</summary>
        private static Dictionary<string, JToken> Values(JToken? section) =>
            (section as JObject)?.Properties().Where(p => p.Value.Type != JTokenType.Null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, JToken>(StringComparer.Ordinal);

        private static IEnumerable<string> StackDifferences(HeatStack held, UpdateStackRequest request)
        {
            // A full update without tags removes them (seen on Heat 19), so no tags is a value like any other.
            var tags = new HashSet<string>(request.Tags ?? Array.Empty<string>(), StringComparer.Ordinal);
            if (!tags.SetEquals(held.Tags ?? new HeatNameList(null))) yield return "tags";
            // Without a timeout or a rollback choice, Heat keeps the stack's own.
            if (request.TimeoutMinutes.HasValue && request.TimeoutMinutes != held.TimeoutMins) yield return "timeout";
            if (request.DisableRollback.HasValue && held.DisableRollback.HasValue && request.DisableRollback != held.DisableRollback) yield return "rollback";
        }

        /// <summary>A file's last path segment: short, and without a query that could hold a signature.</summary>
        private static string FileName(string url)
        {
            var path = url.Split('?', '#')[0].TrimEnd('/');
            var slash = path.LastIndexOf('/');
            return slash >= 0 && slash < path.Length - 1 ? path.Substring(slash + 1) : path;
        }
    }
}
