using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>What an update would do to one resource, from Heat's update preview.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatResourceChange
    {
        /// <summary>Added, Replaced, Updated, Deleted or Unchanged.</summary>
        public string? Change { get; set; }

        [JsonProperty("resource_name")]
        public string? ResourceName { get; set; }

        [JsonProperty("resource_type")]
        public string? ResourceType { get; set; }

        [JsonProperty("physical_resource_id")]
        public string? PhysicalResourceId { get; set; }

        /// <summary>The resource's state now (Heat's preview gives action and status apart).</summary>
        [JsonProperty("resource_action")]
        public string? ResourceAction { get; set; }

        [JsonProperty("resource_status")]
        public string? ResourceState { get; set; }

        /// <summary>The stack the resource is in (a nested stack with -ShowNested).</summary>
        [JsonProperty("stack_name")]
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        /// <summary>For a resource of a nested stack: the parent stack's resource that holds it.</summary>
        [JsonProperty("parent_resource")]
        public string? ParentResource { get; set; }

        [JsonProperty("required_by"), JsonConverter(typeof(StringListConverter))]
        public string[] RequiredBy { get; set; } = Array.Empty<string>();

        [JsonProperty("stack_identity"), JsonConverter(typeof(PlainConverter))]
        internal Hashtable? StackIdentity { get; set; }

        public override string ToString() => $"{Change} {ResourceName}";

        internal HeatResourceChange As(string change)
        {
            Change = change;
            StackId = StackIdentity?["stack_id"] as string;
            RequiredBy = RequiredBy ?? Array.Empty<string>();
            return this;
        }
    }
}
