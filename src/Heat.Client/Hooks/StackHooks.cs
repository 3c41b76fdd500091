using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Hooks
{
    /// <summary>
    /// Heat's breakpoints: a resource named in the environment's <c>resource_registry.resources</c> with
    /// <c>hooks: pre-create|pre-update|pre-delete</c> waits there until the hook is cleared by a signal
    /// (<c>{"unset_hook": ...}</c>). Written as heatclient's hooks_to_env writes them: "nested/resource" nests the
    /// mapping, and a name may be a pattern (Heat matches it with fnmatch).
    /// </summary>
    public static class StackHooks
    {
        public const string PreCreate = "pre-create";
        public const string PreUpdate = "pre-update";
        public const string PreDelete = "pre-delete";

        private static readonly char[] PathSeparator = { '/' };

        /// <summary>Adds the hooks to the bundle's environment (made when there is none); a resource may carry several.</summary>
        public static void AddTo(TemplateBundle bundle, string hook, IEnumerable<string> resources)
        {
            if (resources == null) return;
            foreach (var declaration in resources)
            {
                var path = (declaration ?? string.Empty).Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries);
                if (path.Length == 0) throw new ArgumentException("A hook needs a resource name (or nested/resource).");
                bundle.Environment = bundle.Environment ?? new JObject();
                var registry = Child(bundle.Environment, "resource_registry");
                var node = Child(registry, "resources");
                foreach (var name in path) node = Child(node, name);
                var existing = node["hooks"];
                // Heat's hooks entry is one name or a list of names; anything else in it names no hook.
                var hooks = existing is JArray listed ? listed.Select(t => t.AsText()).OfType<string>().ToList()
                    : existing.AsText() is string one ? new List<string> { one } : new List<string>();
                if (!hooks.Contains(hook)) hooks.Add(hook);
                node["hooks"] = hooks.Count == 1 ? (JToken)hooks[0] : new JArray(hooks.ToArray());
            }
        }

        /// <summary>The hook an event reports (paused: true) or clears, if any: Heat's reasons are "{ACTION} paused until
        /// Hook {hook} is cleared" and "Hook {hook} is cleared".</summary>
        internal static bool TryRead(string? reason, [NotNullWhen(true)] out string? hook, out bool paused)
        {
            hook = null;
            paused = false;
            if (Strings.IsNullOrEmpty(reason)) return false;
            foreach (var candidate in new[] { PreCreate, PreUpdate, PreDelete })
            {
                if (reason.EndsWith($"paused until Hook {candidate} is cleared", StringComparison.Ordinal))
                {
                    hook = candidate;
                    paused = true;
                    return true;
                }
                if (reason == $"Hook {candidate} is cleared")
                {
                    hook = candidate;
                    return true;
                }
            }
            return false;
        }

        private static JObject Child(JObject parent, string name)
        {
            if (parent[name] is JObject existing) return existing;
            var made = new JObject();
            parent[name] = made;
            return made;
        }
    }
}
