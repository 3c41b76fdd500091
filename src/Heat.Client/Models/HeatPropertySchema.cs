using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One property of a resource type (or of a list or map property's items): what a template may set.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatPropertySchema : INamedSchema
    {
        /// <summary>The property's name (the key of Heat's map); <c>*</c> for the items of a list.</summary>
        public string? Name { get; set; }

        /// <summary>string, integer, number, boolean, list, map.</summary>
        [JsonProperty("type")]
        public string? Type { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        [JsonProperty("required")]
        public bool Required { get; set; }

        /// <summary>The value used when a template leaves the property out (null when there is none).</summary>
        [JsonProperty("default"), JsonConverter(typeof(PlainConverter))]
        public object? Default { get; set; }

        /// <summary>Heat's constraints in HOT's own syntax: <c>@{ range = @{ min = 1; max = 512 } }</c>,
        /// <c>allowed_values</c>, <c>length</c>, <c>allowed_pattern</c>, <c>custom_constraint</c>, each with an optional description.</summary>
        [JsonProperty("constraints"), JsonConverter(typeof(MapListConverter))]
        public Hashtable[] Constraints { get; set; } = Array.Empty<Hashtable>();

        /// <summary>Whether a stack update can change it in place (otherwise the resource is replaced).</summary>
        [JsonProperty("update_allowed")]
        public bool UpdateAllowed { get; set; }

        /// <summary>Whether an update may not change it at all.</summary>
        [JsonProperty("immutable")]
        public bool Immutable { get; set; }

        /// <summary>For a list or map: the schema of its items (a list's as one entry named <c>*</c>), else empty.</summary>
        [JsonProperty("schema"), JsonConverter(typeof(NamedSchemaConverter<HeatPropertySchema>))]
        public HeatPropertySchema[] Schema { get; set; } = Array.Empty<HeatPropertySchema>();

        public override string ToString() => Name ?? string.Empty;
    }
}
