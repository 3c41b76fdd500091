using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>One parameter as Heat's validation describes it.</summary>
    public sealed class HeatTemplateParameter
    {
        public string Name { get; set; }

        public string Type { get; set; }

        public object Default { get; set; }

        public object Value { get; set; }

        public string Description { get; set; }

        public string Label { get; set; }

        public bool NoEcho { get; set; }

        public object[] Constraints { get; set; } = new object[0];

        public override string ToString() => Name;

        internal static HeatTemplateParameter FromJson(string name, JToken json)
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
                Constraints = HeatJson.ToPlain(json["CustomConstraint"] ?? json["AllowedValues"] ?? json["Constraints"]) as object[] ?? new object[0],
            };
        }
    }
}
