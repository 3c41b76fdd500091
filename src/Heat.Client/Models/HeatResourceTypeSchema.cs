using System;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>What a resource type takes and gives: its properties, its attributes and its support status.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatResourceTypeSchema
    {
        [JsonProperty("resource_type")]
        public string? ResourceType { get; set; }

        /// <summary>The type's documentation, when it was asked for.</summary>
        [JsonProperty("description")]
        public string? Description { get; set; }

        /// <summary>In Heat's order (the order the type declares them).</summary>
        [JsonProperty("properties"), JsonConverter(typeof(NamedSchemaConverter<HeatPropertySchema>))]
        public HeatPropertySchema[] Properties { get; set; } = Array.Empty<HeatPropertySchema>();

        [JsonProperty("attributes"), JsonConverter(typeof(NamedSchemaConverter<HeatAttributeSchema>))]
        public HeatAttributeSchema[] Attributes { get; set; } = Array.Empty<HeatAttributeSchema>();

        /// <summary>SUPPORTED, DEPRECATED, UNSUPPORTED or UNKNOWN.</summary>
        public string? SupportStatus { get; set; }

        /// <summary>The Heat version the type (or its status) dates from: "2014.1", "5.0.0".</summary>
        public string? SupportVersion { get; set; }

        /// <summary>Why a type is deprecated or unsupported, and what to use instead.</summary>
        public string? SupportMessage { get; set; }

        public override string ToString() => ResourceType ?? string.Empty;

        // Heat nests the status one level down; users filter on it, so it is lifted to three plain properties.
        [JsonProperty("support_status")]
        private SupportStatusJson? Support
        {
            get => null;
            set
            {
                SupportStatus = value?.Status;
                SupportVersion = value?.Version;
                SupportMessage = value?.Message;
            }
        }

        [JsonObject(MemberSerialization.OptIn)]
        private sealed class SupportStatusJson
        {
            [JsonProperty("status")]
            public string? Status { get; set; }

            [JsonProperty("version")]
            public string? Version { get; set; }

            [JsonProperty("message")]
            public string? Message { get; set; }
        }
    }
}
