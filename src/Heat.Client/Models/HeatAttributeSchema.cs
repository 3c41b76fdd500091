using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>An attribute a resource type offers to <c>get_attr</c>.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatAttributeSchema : INamedSchema
    {
        /// <summary>The attribute's name (the key of Heat's map).</summary>
        public string? Name { get; set; }

        /// <summary>string, map, list, integer, boolean, or null when the type does not say.</summary>
        [JsonProperty("type")]
        public string? Type { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
