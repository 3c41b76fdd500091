using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>A resource type this cloud offers, with its description when it was asked for.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatResourceType
    {
        [JsonProperty("resource_type")]
        public string? ResourceType { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        public override string ToString() => ResourceType ?? string.Empty;
    }
}
