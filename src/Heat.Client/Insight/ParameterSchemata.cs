using System;
using System.Collections.Generic;
using Heat.Client.Internal;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Insight
{
    /// <summary>
    /// The parameters Heat knows for a stack, each with whether it is hidden: those of the top template and of every
    /// template in the files map, the top template's declaration winning (Heat's <c>all_param_schemata</c>). Heat uses
    /// this set to merge environment files and to mask hidden values in the environment it shows.
    /// </summary>
    internal static class ParameterSchemata
    {
        private static readonly string[] VersionKeys = { "heat_template_version", "HeatTemplateFormatVersion", "AWSTemplateFormatVersion" };

        /// <summary>Parameter name → hidden.</summary>
        public static Dictionary<string, bool> Of(JObject? template, IEnumerable<string?> files)
        {
            var schemata = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var text in files)
            {
                if (ParseTemplate(text) is JObject nested) Add(nested, schemata);
            }
            if (template != null) Add(template, schemata);
            return schemata;
        }

        /// <summary>A file's text as a template, or null when it is not one (a script, an environment), as Heat decides.</summary>
        private static JObject? ParseTemplate(string? text)
        {
            if (Strings.IsNullOrEmpty(text) || Array.TrueForAll(VersionKeys, key => text.IndexOf(key, StringComparison.Ordinal) < 0)) return null;
            try
            {
                return HeatYaml.Parse(text, "files") is JObject parsed && Array.Exists(VersionKeys, key => parsed[key] != null) ? parsed : null;
            }
            catch (TemplateException)
            {
                return null;
            }
        }

        private static void Add(JObject template, Dictionary<string, bool> schemata)
        {
            if (!((template["parameters"] ?? template["Parameters"]) is JObject parameters)) return;
            foreach (var parameter in parameters.Properties())
            {
                var definition = parameter.Value as JObject;
                schemata[parameter.Name] = IsHidden(definition);
            }
        }

        /// <summary>Whether a parameter's declaration hides its value (HOT's hidden, CloudFormation's NoEcho), as Heat reads it.</summary>
        public static bool IsHidden(JObject? definition) => IsTrue(definition?["hidden"]) || IsTrue(definition?["NoEcho"]);

        private static bool IsTrue(JToken? value) =>
            value != null && string.Equals(value.AsText() ?? value.ToString(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
