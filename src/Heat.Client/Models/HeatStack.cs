using System;
using System.Collections;
using System.Linq;
using System.Runtime.Serialization;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>A Heat stack, as <c>GET /stacks</c> (summary) or <c>GET /stacks/{name}/{id}</c> (all attributes) reports it.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatStack
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        /// <summary>Same as <see cref="Id"/>: lets a stack pipe into any cmdlet that takes <c>-StackId</c>.</summary>
        public string? StackId => Id;

        [JsonProperty("stack_name")]
        public string? StackName { get; set; }

        [JsonProperty("description")]
        public string? Description { get; set; }

        [JsonProperty("stack_status")]
        public string? StackStatus { get; set; }

        [JsonProperty("stack_status_reason")]
        public string? StackStatusReason { get; set; }

        /// <summary>The action part of <see cref="StackStatus"/> (CREATE, UPDATE, DELETE ...).</summary>
        public string? Action => HeatStatus.Action(StackStatus);

        /// <summary>The state part of <see cref="StackStatus"/> (IN_PROGRESS, COMPLETE, FAILED).</summary>
        public string? State => HeatStatus.State(StackStatus);

        [JsonProperty("creation_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? CreationTime { get; set; }

        [JsonProperty("updated_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? UpdatedTime { get; set; }

        [JsonProperty("deletion_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? DeletionTime { get; set; }

        /// <summary>The stack's tags: a list (<c>$stack.Tags -contains 'ci'</c>) that Export-Csv writes as <c>ci,web</c>. An empty
        /// tag is left out: Heat's API cannot take a patch's last tag away but by storing one empty tag
        /// (<c>"tags": ""</c>; seen on Heat 19), and that stack has no tags to speak of.</summary>
        public HeatNameList Tags { get; set; } = new HeatNameList(null);

        [JsonProperty("tags"), JsonConverter(typeof(StringListConverter))]
        private string[]? TagsJson
        {
            get => Tags?.ToArray();
            set => Tags = new HeatNameList(value?.Where(tag => !string.IsNullOrEmpty(tag)).ToArray());
        }

        /// <summary>The id of the parent stack, for a nested stack.</summary>
        [JsonProperty("parent")]
        public string? Parent { get; set; }

        [JsonProperty("stack_owner")]
        public string? StackOwner { get; set; }

        [JsonProperty("stack_user_project_id")]
        public string? StackUserProjectId { get; set; }

        [JsonProperty("project")]
        public string? Project { get; set; }

        /// <summary>Parameter name to value (hidden ones as Heat shows them, ******). Null for a stack from a listing,
        /// as <see cref="Outputs"/>.</summary>
        [JsonProperty("parameters"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? Parameters { get; set; }

        /// <summary>Output key to value, for <c>$stack.Outputs.web_url</c>. Null when Heat did not give them: a stack
        /// from a listing (Get-HeatStack with a wildcard or none), which holds no outputs and no parameters; read the
        /// stack by name or id, or list with -Detailed, to have them. Empty only when the stack has none.</summary>
        public Hashtable? Outputs { get; set; }

        /// <summary>Each output with its description and, when Heat could not compute it, its error; as text (Export-Csv)
        /// <c>key=value; key=value</c>. Null when Heat did not give them (see <see cref="Outputs"/>).</summary>
        public HeatStackOutputList? OutputDetails { get; set; }

        [JsonProperty("outputs")]
        private HeatStackOutput[]? OutputsJson
        {
            get => OutputDetails?.ToArray();
            set => OutputDetails = new HeatStackOutputList(value);
        }

        public HeatList<object>? Capabilities { get; set; }

        [JsonProperty("capabilities"), JsonConverter(typeof(PlainConverter))]
        private object[]? CapabilitiesJson
        {
            get => Capabilities?.ToArray();
            set => Capabilities = value == null ? null : new HeatList<object>(value);
        }

        public HeatList<object>? NotificationTopics { get; set; }

        [JsonProperty("notification_topics"), JsonConverter(typeof(PlainConverter))]
        private object[]? NotificationTopicsJson
        {
            get => NotificationTopics?.ToArray();
            set => NotificationTopics = value == null ? null : new HeatList<object>(value);
        }

        [JsonProperty("timeout_mins")]
        public int? TimeoutMins { get; set; }

        [JsonProperty("disable_rollback")]
        public bool? DisableRollback { get; set; }

        [JsonProperty("template_description")]
        public string? TemplateDescription { get; set; }

        public HeatList<HeatLink> Links { get; set; } = new HeatList<HeatLink>(null);

        [JsonProperty("links")]
        private HeatLink[]? LinksJson
        {
            get => Links?.ToArray();
            set => Links = new HeatList<HeatLink>(value);
        }

        /// <summary>True when this object came from a full read of the stack (parameters, outputs ...), not a list.</summary>
        public bool IsDetailed { get; set; }

        public bool IsComplete => State == HeatStatus.Complete;

        public bool IsFailed => State == HeatStatus.Failed;

        public bool IsInProgress => State == HeatStatus.InProgress;

        public override string ToString() => StackName ?? Id ?? string.Empty;

        // Heat lists outputs as objects; users want $stack.Outputs.key as well, and each output names its stack.
        [OnDeserialized]
        private void OnDeserialized(StreamingContext context)
        {
            Tags = Tags ?? new HeatNameList(null);
            Links = Links ?? new HeatList<HeatLink>(null);
            Parameters = HeatTable.From(Parameters);
            // A listing has no outputs: null says so, where an empty table would read as "this stack has none".
            if (OutputDetails == null) return;
            var table = new HeatTable();
            foreach (var output in OutputDetails)
            {
                output.StackName = StackName;
                output.StackId = Id;
                if (output.OutputKey != null) table[output.OutputKey] = output.OutputValue;
            }
            Outputs = table;
        }
    }
}
