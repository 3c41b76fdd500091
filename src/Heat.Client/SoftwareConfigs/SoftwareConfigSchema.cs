using System;
using System.Collections.Generic;
using System.Linq;

namespace Heat.Client.SoftwareConfigs
{
    /// <summary>
    /// Heat's schema for a config's inputs and outputs (heat/engine/software_config_io.py), checked before the create:
    /// Heat 19 answers an unknown key or type with a bare 400 ("The server could not comply with the request"), and its
    /// /validate passes such a config, so without this check a typo would not be named anywhere.
    /// </summary>
    internal static class SoftwareConfigSchema
    {
        public static readonly string[] Types = { "String", "Number", "CommaDelimitedList", "Json", "Boolean" };

        private static readonly string[] InputKeys = { "name", "description", "type", "default", "replace_on_change", "value" };

        private static readonly string[] OutputKeys = { "name", "description", "type", "error_output" };

        public static void Check(IEnumerable<IDictionary<string, object>> inputs, IEnumerable<IDictionary<string, object>> outputs)
        {
            CheckAll(inputs, "input", InputKeys);
            CheckAll(outputs, "output", OutputKeys);
        }

        private static void CheckAll(IEnumerable<IDictionary<string, object>> schemas, string what, string[] keys)
        {
            int index = 0;
            foreach (var schema in schemas ?? Enumerable.Empty<IDictionary<string, object>>())
            {
                index++;
                if (schema == null) throw new ArgumentException($"The {what} at position {index} is null: each one needs at least a name.");
                schema.TryGetValue("name", out var name);
                var label = name is string text && text.Length > 0 ? $"The {what} '{text}'" : $"The {what} at position {index}";
                if (!(name is string given) || given.Length == 0) throw new ArgumentException($"{label} has no name.");
                var unknown = schema.Keys.Where(k => !keys.Contains(k)).ToList();
                if (unknown.Count > 0)
                {
                    throw new ArgumentException($"{label} has {string.Join(", ", unknown.Select(k => "'" + k + "'"))}, which Heat does not know: an {what} takes {string.Join(", ", keys)}.");
                }
                if (schema.TryGetValue("type", out var type) && type != null && !Types.Contains(type as string))
                {
                    throw new ArgumentException($"{label} has type '{type}', which is not one of {string.Join(", ", Types)}.");
                }
            }
        }
    }
}
