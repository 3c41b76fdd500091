using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>One resource of a stack.</summary>
    public sealed class HeatResource
    {
        public string ResourceName { get; set; }

        public string LogicalResourceId { get; set; }

        public string PhysicalResourceId { get; set; }

        public string ResourceType { get; set; }

        /// <summary>Heat's joined status, for example <c>CREATE_COMPLETE</c>.</summary>
        public string ResourceStatus { get; set; }

        public string ResourceAction => HeatStatus.Action(ResourceStatus);

        public string ResourceStatusReason { get; set; }

        public DateTime? CreationTime { get; set; }

        public DateTime? UpdatedTime { get; set; }

        public string[] RequiredBy { get; set; } = new string[0];

        /// <summary>With <c>-NestedDepth</c>: the resource of the parent stack that this resource's stack implements.</summary>
        public string ParentResource { get; set; }

        public string Description { get; set; }

        public Hashtable Attributes { get; set; }

        public Hashtable Properties { get; set; }

        /// <summary>The resource's metadata, read when one resource is asked for by name.</summary>
        public Hashtable Metadata { get; set; }

        /// <summary>The stack this resource belongs to.</summary>
        public string StackName { get; set; }

        public string StackId { get; set; }

        /// <summary>For a resource that is itself a stack (a group, a template resource): that stack's id.</summary>
        public string NestedStackId { get; set; }

        public HeatLink[] Links { get; set; } = new HeatLink[0];

        public override string ToString() => ResourceName;

        internal static HeatResource FromJson(JToken json, string fallbackStackName, string fallbackStackId)
        {
            var links = HeatLink.ListFrom(json);
            var resource = new HeatResource
            {
                ResourceName = json.Str("resource_name"),
                LogicalResourceId = json.Str("logical_resource_id"),
                PhysicalResourceId = json.Str("physical_resource_id"),
                ResourceType = json.Str("resource_type"),
                ResourceStatus = json.Str("resource_status"),
                ResourceStatusReason = json.Str("resource_status_reason"),
                CreationTime = HeatTime.Get(json, "creation_time"),
                UpdatedTime = HeatTime.Get(json, "updated_time"),
                RequiredBy = json.Strings("required_by"),
                ParentResource = json.Str("parent_resource"),
                Description = json.Str("description"),
                Attributes = HeatJson.ToHashtable(json["attributes"]),
                Properties = HeatJson.ToHashtable(json["properties"]),
                Links = links,
            };
            (resource.StackName, resource.StackId) = HeatLink.StackOf(links, "stack", fallbackStackName, fallbackStackId);
            resource.NestedStackId = HeatLink.StackOf(links, "nested", null, null).Id;
            return resource;
        }
    }
}
