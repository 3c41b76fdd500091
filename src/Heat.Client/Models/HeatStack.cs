using System;
using System.Collections;
using System.Collections.Generic;
using Heat.Client.Internal;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Models
{
    /// <summary>A Heat stack, as <c>GET /stacks</c> (summary) or <c>GET /stacks/{name}/{id}</c> (all attributes) reports it.</summary>
    public sealed class HeatStack
    {
        public string Id { get; set; }

        /// <summary>Same as <see cref="Id"/>: lets a stack pipe into any cmdlet that takes <c>-StackId</c>.</summary>
        public string StackId => Id;

        public string StackName { get; set; }

        public string Description { get; set; }

        public string StackStatus { get; set; }

        public string StackStatusReason { get; set; }

        /// <summary>The action part of <see cref="StackStatus"/> (CREATE, UPDATE, DELETE ...).</summary>
        public string Action => HeatStatus.Action(StackStatus);

        /// <summary>The state part of <see cref="StackStatus"/> (IN_PROGRESS, COMPLETE, FAILED).</summary>
        public string State => HeatStatus.State(StackStatus);

        public DateTime? CreationTime { get; set; }

        public DateTime? UpdatedTime { get; set; }

        public DateTime? DeletionTime { get; set; }

        public string[] Tags { get; set; } = new string[0];

        /// <summary>The id of the parent stack, for a nested stack.</summary>
        public string Parent { get; set; }

        public string StackOwner { get; set; }

        public string StackUserProjectId { get; set; }

        public string Project { get; set; }

        public Hashtable Parameters { get; set; }

        /// <summary>Output key to value, for <c>$stack.Outputs.web_url</c>.</summary>
        public Hashtable Outputs { get; set; }

        /// <summary>Each output with its description and, when Heat could not compute it, its error.</summary>
        public HeatStackOutput[] OutputDetails { get; set; } = new HeatStackOutput[0];

        public object[] Capabilities { get; set; }

        public object[] NotificationTopics { get; set; }

        public int? TimeoutMins { get; set; }

        public bool? DisableRollback { get; set; }

        public string TemplateDescription { get; set; }

        public HeatLink[] Links { get; set; } = new HeatLink[0];

        /// <summary>True when this object came from a full read of the stack (parameters, outputs ...), not a list.</summary>
        public bool IsDetailed { get; set; }

        public bool IsComplete => State == "COMPLETE";

        public bool IsFailed => State == "FAILED";

        public bool IsInProgress => State == "IN_PROGRESS";

        public override string ToString() => StackName ?? Id;

        internal static HeatStack FromJson(JToken json, bool detailed)
        {
            var stack = new HeatStack
            {
                Id = json.Str("id"),
                StackName = json.Str("stack_name"),
                Description = json.Str("description"),
                StackStatus = json.Str("stack_status"),
                StackStatusReason = json.Str("stack_status_reason"),
                CreationTime = HeatTime.Get(json, "creation_time"),
                UpdatedTime = HeatTime.Get(json, "updated_time"),
                DeletionTime = HeatTime.Get(json, "deletion_time"),
                Tags = json.Strings("tags"),
                Parent = json.Str("parent"),
                StackOwner = json.Str("stack_owner"),
                StackUserProjectId = json.Str("stack_user_project_id"),
                Project = json.Str("project"),
                TimeoutMins = json.Int("timeout_mins"),
                DisableRollback = json.Bool("disable_rollback"),
                TemplateDescription = json.Str("template_description"),
                Links = HeatLink.ListFrom(json),
                IsDetailed = detailed,
                Parameters = HeatJson.ToHashtable(json["parameters"]),
                Capabilities = HeatJson.ToPlain(json["capabilities"]) as object[],
                NotificationTopics = HeatJson.ToPlain(json["notification_topics"]) as object[],
            };
            if (json["outputs"] is JArray outputs)
            {
                var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                var details = new List<HeatStackOutput>();
                foreach (var output in outputs)
                {
                    var detail = new HeatStackOutput
                    {
                        OutputKey = output.Str("output_key"),
                        OutputValue = HeatJson.ToPlain(output["output_value"]),
                        Description = output.Str("description"),
                        OutputError = output.Str("output_error"),
                        StackName = stack.StackName,
                        StackId = stack.Id,
                    };
                    details.Add(detail);
                    if (detail.OutputKey != null) table[detail.OutputKey] = detail.OutputValue;
                }
                stack.Outputs = table;
                stack.OutputDetails = details.ToArray();
            }
            return stack;
        }
    }

    public sealed class HeatStackOutput
    {
        public string OutputKey { get; set; }

        public object OutputValue { get; set; }

        public string Description { get; set; }

        public string OutputError { get; set; }

        public string StackName { get; set; }

        public string StackId { get; set; }

        public override string ToString() => OutputKey;
    }
}
