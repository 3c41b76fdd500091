using System;
using System.Collections;
using System.Linq;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One event of a stack: a resource changing state.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatEvent
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        [JsonProperty("event_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? EventTime { get; set; }

        [JsonProperty("resource_name")]
        public string? ResourceName { get; set; }

        [JsonProperty("logical_resource_id")]
        public string? LogicalResourceId { get; set; }

        [JsonProperty("physical_resource_id")]
        public string? PhysicalResourceId { get; set; }

        /// <summary>Heat's joined status, for example <c>CREATE_COMPLETE</c>.</summary>
        [JsonProperty("resource_status")]
        public string? ResourceStatus { get; set; }

        public string? ResourceAction => HeatStatus.Action(ResourceStatus);

        [JsonProperty("resource_status_reason")]
        public string? ResourceStatusReason { get; set; }

        [JsonProperty("resource_type")]
        public string? ResourceType { get; set; }

        [JsonProperty("resource_properties"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? ResourceProperties { get; set; }

        /// <summary>The stack the resource belongs to (for a nested event, the nested stack).</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        /// <summary>The stack asked about, when the event comes from a nested stack (<c>-NestedDepth</c>).</summary>
        public string? RootStackId { get; set; }

        /// <summary>That stack's name.</summary>
        public string? RootStackName { get; set; }

        /// <summary>Where the resource sits, readable: the top stack and the resource names down to it (web.workers.0.server),
        /// as Get-HeatStackFailure names a failure; a stack's own event names the stack.</summary>
        public string? ResourcePath => HeatResourcePath.Of(RootStackName ?? StackName, StackName, ResourceName);

        public HeatList<HeatLink> Links { get; set; } = new HeatList<HeatLink>(null);

        [JsonProperty("links")]
        private HeatLink[]? LinksJson
        {
            get => Links?.ToArray();
            set => Links = new HeatList<HeatLink>(value);
        }

        public override string ToString() => $"{ResourceName} {ResourceStatus}";

        /// <summary>Heat says which stack an event belongs to only through its links; the asked stack is the fallback.</summary>
        internal HeatEvent Locate(string? askedStackName, string? askedStackId)
        {
            Links = Links ?? new HeatList<HeatLink>(null);
            (StackName, StackId) = HeatLink.StackOf(Links, "stack", askedStackName, askedStackId);
            (RootStackName, RootStackId) = HeatLink.StackOf(Links, "root_stack", null, null);
            return this;
        }
    }
}
