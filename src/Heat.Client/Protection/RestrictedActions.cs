using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Protection
{
    /// <summary>
    /// Heat's per-resource protection: a resource named (or matched, fnmatch) in the environment's
    /// <c>resource_registry.resources</c> with <c>restricted_actions: [update, replace]</c> is never updated in place or
    /// replaced; Heat fails the update with "replace is restricted for resource." (ResourceActionRestricted).
    /// Written next to hooks, as heatclient writes those.
    /// </summary>
    public static class RestrictedActions
    {
        public const string Update = "update";
        public const string Replace = "replace";

        private static readonly string[] Known = { Update, Replace };

        /// <summary>Restricts <paramref name="actions"/> (update, replace; any case) for <paramref name="resource"/> in the
        /// bundle's environment (made when there is none), keeping what the environment restricts already.</summary>
        /// <exception cref="ArgumentException">An action that is not update or replace, or no resource name.</exception>
        public static void AddTo(TemplateBundle bundle, string resource, IEnumerable<string> actions)
        {
            if (bundle == null) throw new ArgumentNullException(nameof(bundle));
            if (Strings.IsNullOrWhiteSpace(resource)) throw new ArgumentException("A restricted action needs a resource name.");
            var wanted = new List<string>();
            foreach (var action in actions ?? Array.Empty<string>())
            {
                var known = Known.FirstOrDefault(a => string.Equals(a, action?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known == null) throw new ArgumentException($"'{action}' cannot be restricted for resource '{resource}': Heat restricts only Update and Replace.");
                if (!wanted.Contains(known)) wanted.Add(known);
            }
            if (wanted.Count == 0) throw new ArgumentException($"No action is named to restrict for resource '{resource}' (Update, Replace).");
            bundle.Environment = bundle.Environment ?? new JObject();
            var node = Child(Child(Child(bundle.Environment, "resource_registry"), "resources"), resource);
            var restricted = Listed(node["restricted_actions"]);
            foreach (var action in wanted.Where(a => !restricted.Contains(a))) restricted.Add(action);
            node["restricted_actions"] = new JArray(restricted.ToArray());
        }

        /// <summary>What the environments restrict for a resource of the stack they belong to, as Heat reads them: every
        /// key of resource_registry.resources that matches the name (fnmatchcase), one action or a list.</summary>
        public static ISet<string> For(string resourceName, IEnumerable<JObject?> environments)
        {
            var restricted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var environment in environments ?? Array.Empty<JObject?>())
            {
                if (!(environment?["resource_registry"]?["resources"] is JObject resources)) continue;
                foreach (var entry in resources.Properties())
                {
                    if (entry.Value is JObject settings && FnMatch.IsMatch(resourceName, entry.Name)) restricted.UnionWith(Listed(settings["restricted_actions"]));
                }
            }
            return restricted;
        }

        /// <summary>Whether any environment restricts anything (when none does, nothing needs checking).</summary>
        public static bool Any(IEnumerable<JObject?> environments) =>
            (environments ?? Array.Empty<JObject?>()).Any(e => e?["resource_registry"]?["resources"] is JObject resources &&
                resources.Properties().Any(p => p.Value is JObject settings && Listed(settings["restricted_actions"]).Count > 0));

        /// <summary>The action a change needs, or null: Heat's preview says Updated (in place) or Replaced.</summary>
        public static string? ActionOf(string? change) => change == "Replaced" ? Replace : change == "Updated" ? Update : null;

        private static List<string> Listed(JToken? value) =>
            value is JArray list ? list.Select(t => t.AsText()).OfType<string>().ToList()
            : value.AsText() is string one ? new List<string> { one } : new List<string>();

        private static JObject Child(JObject parent, string name)
        {
            if (parent[name] is JObject existing) return existing;
            var made = new JObject();
            parent[name] = made;
            return made;
        }
    }
}
