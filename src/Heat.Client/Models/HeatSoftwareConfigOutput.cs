using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>An output a software config declares: a value the server's agent signals back.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatSoftwareConfigOutput
    {
        [JsonProperty("name")]
        public string? Name { get; set; }

        /// <summary>String (Heat's default), Number, CommaDelimitedList, Json or Boolean.</summary>
        [JsonProperty("type")]
        public string? Type { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        /// <summary>When the agent signals a value for this output, the deployment has failed (Heat's error_output).</summary>
        [JsonProperty("error_output")]
        public bool? ErrorOutput { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
