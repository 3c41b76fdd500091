using System;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>A template version Heat reads: <c>heat_template_version.2018-08-31</c> (hot), <c>AWSTemplateFormatVersion.2010-09-09</c> (cfn).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatTemplateVersion
    {
        [JsonProperty("version")]
        public string? Version { get; set; }

        /// <summary>hot or cfn.</summary>
        [JsonProperty("type")]
        public string? Type { get; set; }

        /// <summary>Other names of the same version: <c>heat_template_version.rocky</c>.</summary>
        [JsonProperty("aliases"), JsonConverter(typeof(StringListConverter))]
        public string[] Aliases { get; set; } = Array.Empty<string>();

        public override string ToString() => Version ?? string.Empty;
    }
}
