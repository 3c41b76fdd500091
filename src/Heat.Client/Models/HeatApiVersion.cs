using System;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One API version Heat's root offers.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatApiVersion
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        /// <summary>CURRENT, SUPPORTED or DEPRECATED.</summary>
        [JsonProperty("status")]
        public string? Status { get; set; }

        [JsonProperty("links")]
        public HeatLink[] Links { get; set; } = Array.Empty<HeatLink>();

        public override string ToString() => $"{Id} {Status}";
    }
}
