using System.Linq;
using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>One resource of a stack.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatResource
    {
        [JsonProperty("resource_name")]
        public string? ResourceName { get; set; }

        [JsonProperty("logical_resource_id")]
        public string? LogicalResourceId { get; set; }

        [JsonProperty("physical_resource_id")]
        public string? PhysicalResourceId { get; set; }

        [JsonProperty("resource_type")]
        public string? ResourceType { get; set; }

        /// <summary>Heat's joined status, for example <c>CREATE_COMPLETE</c>.</summary>
        [JsonProperty("resource_status")]
        public string? ResourceStatus { get; set; }

        public string? ResourceAction => HeatStatus.Action(ResourceStatus);

        [JsonProperty("resource_status_reason")]
        public string? ResourceStatusReason { get; set; }

        [JsonProperty("creation_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? CreationTime { get; set; }

        [JsonProperty("updated_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? UpdatedTime { get; set; }

        /// <summary>The resources that depend on this one; Export-Csv writes them as <c>a,b</c>.</summary>
        public HeatNameList RequiredBy { get; set; } = new HeatNameList(null);

        [JsonProperty("required_by"), JsonConverter(typeof(StringListConverter))]
        private string[]? RequiredByJson
        {
            get => RequiredBy?.ToArray();
            set => RequiredBy = new HeatNameList(value);
        }

        /// <summary>With <c>-NestedDepth</c>: the resource of the parent stack that this resource's stack implements.</summary>
        [JsonProperty("parent_resource")]
        public string? ParentResource { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        [JsonProperty("attributes"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? Attributes { get; set; }

        [JsonProperty("properties"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? Properties { get; set; }

        /// <summary>The resource's metadata, read when one resource is asked for by name.</summary>
        public Hashtable? Metadata { get; set; }

        /// <summary>The stack this resource belongs to.</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        /// <summary>For a resource that is itself a stack (a group, a template resource): that stack's id.</summary>
        public string? NestedStackId { get; set; }

        /// <summary>That stack's name, so that its routes need no lookup redirect.</summary>
        public string? NestedStackName { get; set; }

        /// <summary>The stack asked about: the top of a <c>-NestedDepth</c> listing.</summary>
        public string? RootStackName { get; set; }

        /// <summary>Where the resource sits, readable: the top stack and the resource names down to it (web.workers.0.server),
        /// as Get-HeatStackFailure names a failure.</summary>
        public string? ResourcePath => HeatResourcePath.Of(RootStackName ?? StackName, StackName, ResourceName);

        public HeatList<HeatLink> Links { get; set; } = new HeatList<HeatLink>(null);

        [JsonProperty("links")]
        private HeatLink[]? LinksJson
        {
            get => Links?.ToArray();
            set => Links = new HeatList<HeatLink>(value);
        }

        public override string ToString() => ResourceName ?? string.Empty;

        /// <summary>Heat says which stack a resource belongs to (and which stack it is) only through its links.</summary>
        internal HeatResource Locate(string? askedStackName, string? askedStackId)
        {
            Links = Links ?? new HeatList<HeatLink>(null);
            RootStackName = askedStackName;
            RequiredBy = RequiredBy ?? new HeatNameList(null);
            (StackName, StackId) = HeatLink.StackOf(Links, "stack", askedStackName, askedStackId);
            (NestedStackName, NestedStackId) = HeatLink.StackOf(Links, "nested", null, null);
            return this;
        }
    }
}
