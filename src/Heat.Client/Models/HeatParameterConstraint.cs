using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>
    /// One constraint of a template parameter, in the template's own (HOT) shape whatever Heat answered:
    /// <c>@{ range = @{ min = 1; max = 5 }; description = '...' }</c>, as Get-HeatResourceType shows a property's. Reads as
    /// <c>range 1..5</c>.
    /// </summary>
    public sealed class HeatParameterConstraint : Hashtable
    {
        public HeatParameterConstraint()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        private static readonly string[] Kinds = { "range", "length", "modulo", "allowed_values", "allowed_pattern", "custom_constraint" };

        /// <summary>range, length, modulo, allowed_values, allowed_pattern or custom_constraint.</summary>
        public string? Kind => Kinds.FirstOrDefault(ContainsKey);

        public string? Description => this["description"] as string;

        public override string ToString()
        {
            var kind = Kind;
            if (kind == null) return HeatText.Of(new Hashtable(this));
            var value = this[kind];
            string text;
            switch (kind)
            {
                case "range":
                case "length":
                    var bounds = value as IDictionary;
                    text = $"{kind} {HeatText.Of(bounds?["min"])}..{HeatText.Of(bounds?["max"])}";
                    break;
                case "modulo":
                    var modulo = value as IDictionary;
                    text = $"modulo step {HeatText.Of(modulo?["step"])} offset {HeatText.Of(modulo?["offset"])}";
                    break;
                case "allowed_values":
                    text = "allowed_values " + (value is IEnumerable values && !(value is string)
                        ? string.Join(",", values.Cast<object>().Select(HeatText.Of))
                        : HeatText.Of(value));
                    break;
                default:
                    text = kind + " " + HeatText.Of(value);
                    break;
            }
            return Strings.IsNullOrEmpty(Description) ? text : $"{text} ({Description})";
        }

        /// <summary>A HOT template's <c>constraints</c> list, as it is.</summary>
        internal static HeatList<HeatParameterConstraint> FromHot(JToken constraints)
        {
            var list = new List<HeatParameterConstraint>();
            if (constraints is JArray items)
            {
                foreach (var item in items)
                {
                    if (!(HeatJson.ToPlain(item) is IDictionary map)) continue;
                    var constraint = new HeatParameterConstraint();
                    foreach (DictionaryEntry entry in map) constraint[entry.Key] = entry.Value;
                    list.Add(constraint);
                }
            }
            return new HeatList<HeatParameterConstraint>(list);
        }

        /// <summary>
        /// Heat's /validate answer (and a CloudFormation template) gives constraints as keys of the parameter:
        /// MinValue/MaxValue, MinLength/MaxLength, AllowedValues, AllowedPattern, CustomConstraint, and one
        /// ConstraintDescription (the last constraint's that had one).
        /// </summary>
        internal static HeatList<HeatParameterConstraint> FromCfn(JObject? parameter)
        {
            var list = new List<HeatParameterConstraint>();
            void Bounds(string kind, string min, string max)
            {
                var low = HeatJson.ToPlain(parameter?[min]);
                var high = HeatJson.ToPlain(parameter?[max]);
                if (low == null && high == null) return;
                var bounds = new Hashtable(StringComparer.OrdinalIgnoreCase);
                if (low != null) bounds["min"] = low;
                if (high != null) bounds["max"] = high;
                list.Add(new HeatParameterConstraint { [kind] = bounds });
            }
            void Single(string kind, string key)
            {
                var value = HeatJson.ToPlain(parameter?[key]);
                if (value != null) list.Add(new HeatParameterConstraint { [kind] = value });
            }
            Bounds("range", "MinValue", "MaxValue");
            Bounds("length", "MinLength", "MaxLength");
            Single("allowed_values", "AllowedValues");
            Single("allowed_pattern", "AllowedPattern");
            Single("custom_constraint", "CustomConstraint");
            var description = parameter.Str("ConstraintDescription");
            if (description != null && list.Count > 0) list[list.Count - 1]["description"] = description;
            return new HeatList<HeatParameterConstraint>(list);
        }
    }
}
