using System;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One Heat engine as Heat reports it (<c>GET /services</c>, admin only).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatServiceInfo
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        [JsonProperty("host")]
        public string? Host { get; set; }

        [JsonProperty("binary")]
        public string? Binary { get; set; }

        [JsonProperty("topic")]
        public string? Topic { get; set; }

        [JsonProperty("engine_id")]
        public string? EngineId { get; set; }

        /// <summary>up or down, as Heat judges from the engine's last report.</summary>
        [JsonProperty("status")]
        public string? Status { get; set; }

        [JsonProperty("report_interval")]
        public int? ReportInterval { get; set; }

        [JsonProperty("created_at"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? CreatedAt { get; set; }

        [JsonProperty("updated_at"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => $"{Binary} {Host} {Status}";
    }
}
