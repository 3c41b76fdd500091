using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>An input a software config declares (Heat's input schema); a deployment gives its value.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatSoftwareConfigInput
    {
        [JsonProperty("name")]
        public string? Name { get; set; }

        /// <summary>String (Heat's default), Number, CommaDelimitedList, Json or Boolean.</summary>
        [JsonProperty("type")]
        public string? Type { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        [JsonProperty("default"), JsonConverter(typeof(PlainConverter))]
        public object? Default { get; set; }

        /// <summary>Replace the deployment rather than update it when this input's value changes.</summary>
        [JsonProperty("replace_on_change")]
        public bool? ReplaceOnChange { get; set; }

        /// <summary>The value a derived config (one Heat made for a deployment) carries.</summary>
        [JsonProperty("value"), JsonConverter(typeof(PlainConverter))]
        public object? Value { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
