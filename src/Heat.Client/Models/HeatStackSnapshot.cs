using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>A snapshot of a stack (<c>/stacks/{name}/{id}/snapshots</c>).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatStackSnapshot
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        /// <summary>Same as <see cref="Id"/>, for -SnapshotId from the pipeline.</summary>
        public string? SnapshotId => Id;

        [JsonProperty("name")]
        public string? Name { get; set; }

        /// <summary>IN_PROGRESS, COMPLETE or FAILED.</summary>
        [JsonProperty("status")]
        public string? Status { get; set; }

        [JsonProperty("status_reason")]
        public string? StatusReason { get; set; }

        [JsonProperty("creation_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? CreationTime { get; set; }

        /// <summary>What Heat stored: the stack's template, environment and resources' data at the time.</summary>
        [JsonProperty("data"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? Data { get; set; }

        public string? StackName { get; set; }

        public string? StackId { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
