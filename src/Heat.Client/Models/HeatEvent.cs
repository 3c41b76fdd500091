using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>One event of a stack: a resource changing state.</summary>
    public sealed class HeatEvent
    {
        public string Id { get; set; }

        public DateTime? EventTime { get; set; }

        public string ResourceName { get; set; }

        public string LogicalResourceId { get; set; }

        public string PhysicalResourceId { get; set; }

        /// <summary>Heat's joined status, for example <c>CREATE_COMPLETE</c>.</summary>
        public string ResourceStatus { get; set; }

        public string ResourceAction => HeatStatus.Action(ResourceStatus);

        public string ResourceStatusReason { get; set; }

        public string ResourceType { get; set; }

        public Hashtable ResourceProperties { get; set; }

        /// <summary>The stack the resource belongs to (for a nested event, the nested stack).</summary>
        public string StackName { get; set; }

        public string StackId { get; set; }

        /// <summary>The stack asked about, when the event comes from a nested stack (<c>-NestedDepth</c>).</summary>
        public string RootStackId { get; set; }

        public HeatLink[] Links { get; set; } = new HeatLink[0];

        public override string ToString() => $"{ResourceName} {ResourceStatus}";

        internal static HeatEvent FromJson(JToken json, string fallbackStackName, string fallbackStackId)
        {
            var links = HeatLink.ListFrom(json);
            var evt = new HeatEvent
            {
                Id = json.Str("id"),
                EventTime = HeatTime.Get(json, "event_time"),
                ResourceName = json.Str("resource_name"),
                LogicalResourceId = json.Str("logical_resource_id"),
                PhysicalResourceId = json.Str("physical_resource_id"),
                ResourceStatus = json.Str("resource_status"),
                ResourceStatusReason = json.Str("resource_status_reason"),
                ResourceType = json.Str("resource_type"),
                ResourceProperties = HeatJson.ToHashtable(json["resource_properties"]),
                Links = links,
            };
            (evt.StackName, evt.StackId) = HeatLink.StackOf(links, "stack", fallbackStackName, fallbackStackId);
            evt.RootStackId = HeatLink.StackOf(links, "root_stack", null, null).Id;
            return evt;
        }
    }
}
