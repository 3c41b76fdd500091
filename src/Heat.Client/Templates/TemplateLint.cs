using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Checks that Heat's own <c>POST /validate</c> lets through but stack creation refuses (seen on Heat 19):
    /// a <c>get_param</c> of a parameter the template does not declare.
    /// </summary>
    public static class TemplateLint
    {
        /// <summary>The parameters Heat gives every HOT template without a declaration.</summary>
        internal static readonly HashSet<string> PseudoParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            "OS::stack_name", "OS::stack_id", "OS::project_id",
        };

        /// <summary>
        /// One message per undeclared parameter, in the top template and in every child template of the bundle. A problem
        /// of a child names the child; one of the top template names no file (the error that carries it names it already).
        /// </summary>
        public static IReadOnlyList<string> FindUndeclaredParameters(TemplateBundle bundle)
        {
            var problems = new List<string>();
            if (bundle?.Template != null) Check(bundle.Template, null, problems);
            foreach (var file in bundle?.Files ?? new Dictionary<string, string>())
            {
                if (!file.Value.StartsWith("{", StringComparison.Ordinal)) continue;
                JToken child;
                try
                {
                    child = HeatJson.Parse(file.Value);
                }
                catch (Newtonsoft.Json.JsonException)
                {
                    continue;
                }
                Check(child, file.Key, problems);
            }
            return problems;
        }

        private static void Check(JToken template, string? source, List<string> problems)
        {
            if (!(template is JObject root) || root["heat_template_version"] == null) return;
            var declared = new HashSet<string>((root["parameters"] as JObject)?.Properties().Select(p => p.Name) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            foreach (var section in new[] { "resources", "outputs", "conditions" })
            {
                Walk(root[section], section, declared, source, problems);
            }
        }

        private static void Walk(JToken? token, string path, HashSet<string> declared, string? source, List<string> problems)
        {
            switch (token)
            {
                case JObject obj:
                    if (obj.Count == 1 && obj["get_param"] != null)
                    {
                        var argument = obj["get_param"];
                        var name = argument.AsText() ?? (argument is JArray list && list.Count > 0 ? list[0].AsText() : null);
                        if (name != null && !declared.Contains(name) && !PseudoParameters.Contains(name))
                        {
                            problems.Add($"{(source == null ? "The" : source + ": the")} Parameter ({name}) is not declared in the template's parameters (used at {path}).");
                        }
                    }
                    foreach (var property in obj.Properties()) Walk(property.Value, path + "." + property.Name, declared, source, problems);
                    break;
                case JArray array:
                    for (int i = 0; i < array.Count; i++) Walk(array[i], path + "[" + i + "]", declared, source, problems);
                    break;
            }
        }
    }
}
