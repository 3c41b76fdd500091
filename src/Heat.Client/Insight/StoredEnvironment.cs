using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Insight
{
    /// <summary>
    /// The environment Heat would store for a create or full update, worked out from the request as Heat 19 works it out
    /// (heat/api/openstack/v1/stacks.py, heat/common/environment_util.py), and the form in which two environments
    /// compare. Seen on the lab: with environment files Heat ignores the environment sent beside them and merges the
    /// files itself, after the parameters given directly, so a file's parameter overrides a direct one of the same name.
    /// </summary>
    internal static class StoredEnvironment
    {
        private const string Parameters = "parameters";
        private const string ParameterDefaults = "parameter_defaults";
        private const string ResourceRegistry = "resource_registry";
        private const string EventSinks = "event_sinks";
        private const string MergeStrategies = "parameter_merge_strategies";

        /// <summary>The sections a stored environment shows (encrypted_param_names is Heat's own bookkeeping).</summary>
        private static readonly string[] Sections = { ResourceRegistry, Parameters, ParameterDefaults, EventSinks };

        /// <summary>
        /// The environment Heat would store for <paramref name="bundle"/> and the parameters given directly (already in
        /// the form they are sent); false with <paramref name="unknown"/> set when it cannot be worked out here (an
        /// environment file asks for a merge strategy other than overwrite, or its parameters are not a mapping, which
        /// Heat refuses).
        /// </summary>
        /// <param name="declared">The parameters of the template and its nested templates (Heat merges only these, once a
        /// section holds something).</param>
        public static bool TryFor(TemplateBundle bundle, JObject direct, ICollection<string> declared,
            [NotNullWhen(true)] out JObject? environment, [NotNullWhen(false)] out string? unknown)
        {
            environment = null;
            unknown = null;
            var stored = bundle.EnvironmentFiles.Count == 0 && bundle.Environment != null ? (JObject)bundle.Environment.DeepClone() : new JObject();
            foreach (var section in Sections) stored[section] = stored[section] ?? (section == EventSinks ? (JToken)new JArray() : new JObject());
            if (!(stored[Parameters] is JObject parameters))
            {
                unknown = "environment (its parameters are not a mapping)";
                return false;
            }
            foreach (var given in direct.Properties()) parameters[given.Name] = given.Value.DeepClone();
            foreach (var url in bundle.EnvironmentFiles)
            {
                if (!bundle.Files.TryGetValue(url, out var text) || !(HeatYaml.Parse(text, url) is JObject file))
                {
                    unknown = "environment (a file it names is not in the files map)";
                    return false;
                }
                if (UsesMergeStrategy(file[MergeStrategies]))
                {
                    unknown = "environment (parameter_merge_strategies other than overwrite cannot be compared)";
                    return false;
                }
                file.Remove(MergeStrategies);
                foreach (var section in file.Properties().Where(p => IsTruthy(p.Value)).ToList())
                {
                    if (section.Name != Parameters && section.Name != ParameterDefaults)
                    {
                        stored[section.Name] = MergeMap(stored[section.Name], section.Value);
                    }
                    else if (section.Value is JObject update)
                    {
                        stored[section.Name] = MergeParameters(stored[section.Name] as JObject, update, declared);
                    }
                    else
                    {
                        unknown = $"environment ({section.Name} in {HeatUrl.Display(url)} are not a mapping)";
                        return false;
                    }
                }
            }
            environment = stored;
            return true;
        }

        /// <summary>
        /// The environment without what Heat adds or drops on its own: empty sections, encrypted_param_names,
        /// merge strategies, and in the resource registry the entries that change nothing (a template URL mapped to
        /// itself, which Heat adds for each template resource; a null, which Heat applies and forgets; an empty map).
        /// </summary>
        public static JObject Normalise(JObject? environment)
        {
            var result = new JObject();
            foreach (var section in Sections)
            {
                var value = environment?[section]?.DeepClone();
                if (section == ResourceRegistry && value is JObject registry) Prune(registry);
                if (IsTruthy(value)) result[section] = value;
            }
            return result;
        }

        private static void Prune(JObject registry)
        {
            foreach (var entry in registry.Properties().ToList())
            {
                if (entry.Value is JObject nested) Prune(nested);
                bool noOp = entry.Value.Type == JTokenType.Null ||
                            entry.Value.AsText() == entry.Name ||
                            (entry.Value is JObject empty && !empty.HasValues);
                if (noOp) entry.Remove();
            }
        }

        private static bool UsesMergeStrategy(JToken? strategies) =>
            strategies is JObject map && map.Properties().Any(p => !string.Equals(p.Value.AsText(), "overwrite", StringComparison.Ordinal));

        /// <summary>merge_parameters with the overwrite strategy: an empty section takes the file's as it is.</summary>
        private static JObject MergeParameters(JObject? old, JObject update, ICollection<string> declared)
        {
            if (!IsTruthy(old)) return (JObject)update.DeepClone();
            foreach (var entry in update.Properties().Where(p => declared.Contains(p.Name) && p.Value.Type != JTokenType.Null))
            {
                old[entry.Name] = entry.Value.DeepClone();
            }
            return old;
        }

        /// <summary>merge_map: an empty section takes the file's; otherwise each top-level key is replaced, not merged.</summary>
        private static JToken MergeMap(JToken? old, JToken update)
        {
            if (!IsTruthy(old) || !(old is JObject map) || !(update is JObject entries)) return update.DeepClone();
            foreach (var entry in entries.Properties().Where(p => p.Value.Type != JTokenType.Null)) map[entry.Name] = entry.Value.DeepClone();
            return map;
        }

        /// <summary>Python's truth of a JSON value: empty maps, lists and strings, zero, false and null are false.</summary>
        private static bool IsTruthy([NotNullWhen(true)] JToken? value)
        {
            switch (value?.Type)
            {
                case null:
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return false;
                case JTokenType.Object:
                case JTokenType.Array:
                    return value.HasValues;
                case JTokenType.String:
                    return value.AsText()?.Length > 0;
                case JTokenType.Boolean:
                    return (bool)value;
                case JTokenType.Integer:
                case JTokenType.Float:
                    return (double)value != 0;
                default:
                    return true;
            }
        }
    }
}
