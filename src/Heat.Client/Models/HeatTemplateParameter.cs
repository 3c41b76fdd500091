using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>One parameter as Heat's validation describes it.</summary>
    public sealed class HeatTemplateParameter
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public object? Default { get; set; }

        public object? Value { get; set; }

        public string? Description { get; set; }

        public string? Label { get; set; }

        public bool NoEcho { get; set; }

        /// <summary>Range, length, allowed values, pattern, custom constraint: each in the template's own shape
        /// (<c>$p.Constraints[0].range.max</c>), read as <c>range 1..5</c>.</summary>
        public HeatList<HeatParameterConstraint> Constraints { get; set; } = new HeatList<HeatParameterConstraint>(null);

        public override string ToString() => Name ?? string.Empty;

        internal static HeatTemplateParameter FromJson(string name, JObject json)
        {
            return new HeatTemplateParameter
            {
                Name = name,
                Type = json.Str("Type"),
                Default = HeatJson.ToPlain(json["Default"]),
                Value = HeatJson.ToPlain(json["Value"]),
                Description = json.Str("Description"),
                Label = json.Str("Label"),
                NoEcho = string.Equals(json.Str("NoEcho"), "true", System.StringComparison.OrdinalIgnoreCase),
                Constraints = json["Constraints"] is JArray listed ? HeatParameterConstraint.FromHot(listed) : HeatParameterConstraint.FromCfn(json),
            };
        }
    }
}
