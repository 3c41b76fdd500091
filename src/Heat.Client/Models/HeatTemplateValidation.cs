using System;
using System.Collections;
using System.Collections.Generic;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>What Heat says of a valid template (<c>POST /validate</c>).</summary>
    /// <remarks>Mapped by hand, not by attributes: Heat returns parameters as a map keyed by name (made a list here,
    /// each with its name) and nested parameters inside each parameter or beside them.</remarks>
    public sealed class HeatTemplateValidation
    {
        public string? Description { get; set; }

        public HeatTemplateParameter[] Parameters { get; set; } = Array.Empty<HeatTemplateParameter>();

        public object[] ParameterGroups { get; set; } = Array.Empty<object>();

        /// <summary>With <c>-ShowNested</c>: the nested templates' validation, keyed by resource name.</summary>
        public Hashtable? NestedParameters { get; set; }

        public Hashtable? Environment { get; set; }

        /// <summary>Where the template came from (a path or URL), for the user's reference.</summary>
        public string? Source { get; set; }

        /// <summary>The files sent with the template (get_file targets, child templates, environments), by URL.</summary>
        public string[] Files { get; set; } = Array.Empty<string>();

        /// <summary>True when only the local checks ran (-Offline): Heat was not asked.</summary>
        public bool IsOffline { get; set; }

        /// <summary>http(s) references that -Offline did not read.</summary>
        public string[] UncheckedUrls { get; set; } = Array.Empty<string>();

        /// <summary>What the template itself declares, for -Offline (HOT <c>parameters</c> or CloudFormation <c>Parameters</c>).</summary>
        internal static HeatTemplateValidation FromTemplate(JToken? template, string? source)
        {
            var result = new HeatTemplateValidation { Source = source, IsOffline = true };
            if (!(template is JObject root)) return result;
            result.Description = root.Str("description") ?? root.Str("Description");
            var parameters = new List<HeatTemplateParameter>();
            if ((root["parameters"] ?? root["Parameters"]) is JObject map)
            {
                foreach (var property in map)
                {
                    if (!(property.Value is JObject p))
                    {
                        // What Heat answers for "p:" with nothing after it, or a parameter that is a list.
                        throw new Templates.TemplateException(Templates.TemplateProblem.InvalidStructure, source, null, null,
                            $"Invalid parameter ({property.Key}), expected a mapping");
                    }
                    parameters.Add(new HeatTemplateParameter
                    {
                        Name = property.Key,
                        Type = p.Str("type") ?? p.Str("Type"),
                        Default = HeatJson.ToPlain(p["default"] ?? p["Default"]),
                        Description = p.Str("description") ?? p.Str("Description"),
                        Label = p.Str("label") ?? p.Str("Label"),
                        NoEcho = string.Equals(p.Str("hidden") ?? p.Str("NoEcho"), "true", System.StringComparison.OrdinalIgnoreCase),
                        Constraints = p["constraints"] is JArray hot ? HeatParameterConstraint.FromHot(hot) : HeatParameterConstraint.FromCfn(p),
                    });
                }
            }
            result.Parameters = parameters.ToArray();
            result.ParameterGroups = HeatJson.ToPlain(root["parameter_groups"]) as object[] ?? Array.Empty<object>();
            return result;
        }

        public override string ToString() => Description ?? string.Empty;

        internal static HeatTemplateValidation FromJson(JToken json, string source)
        {
            var result = new HeatTemplateValidation
            {
                Description = json.Str("Description"),
                ParameterGroups = HeatJson.ToPlain(json["ParameterGroups"]) as object[] ?? Array.Empty<object>(),
                Environment = HeatJson.ToHashtable(json["Environment"]),
                Source = source,
            };
            var parameters = new List<HeatTemplateParameter>();
            Hashtable? nested = null;
            if (json["Parameters"] is JObject map)
            {
                foreach (var property in map)
                {
                    if (!(property.Value is JObject parameter))
                    {
                        throw new Newtonsoft.Json.JsonSerializationException($"parameter \"{property.Key}\" is not an object");
                    }
                    parameters.Add(HeatTemplateParameter.FromJson(property.Key, parameter));
                    if (parameter["NestedParameters"] != null)
                    {
                        nested = nested ?? new Hashtable(System.StringComparer.OrdinalIgnoreCase);
                        nested[property.Key] = HeatJson.ToPlain(parameter["NestedParameters"]);
                    }
                }
            }
            if (json["NestedParameters"] is JObject nestedMap)
            {
                nested = nested ?? new Hashtable(System.StringComparer.OrdinalIgnoreCase);
                foreach (var property in nestedMap) nested[property.Key] = HeatJson.ToPlain(property.Value);
            }
            result.Parameters = parameters.ToArray();
            result.NestedParameters = nested;
            return result;
        }
    }
}
