using Newtonsoft.Json;

namespace Heat.Client.Plans
{
    /// <summary>Where a plan applies: the cloud (Keystone, project, region, Heat's endpoint) and the stack.</summary>
    public sealed class HeatPlanTarget
    {
        [JsonProperty("authUrl")]
        public string? AuthUrl { get; set; }

        [JsonProperty("projectName")]
        public string? ProjectName { get; set; }

        [JsonProperty("projectId")]
        public string? ProjectId { get; set; }

        [JsonProperty("region")]
        public string? Region { get; set; }

        /// <summary>Heat's endpoint with the project, as the session found it in the catalog.</summary>
        [JsonProperty("heatEndpoint")]
        public string? HeatEndpoint { get; set; }

        [JsonProperty("stackName")]
        public string? StackName { get; set; }

        /// <summary>The stack's id; null for a stack the plan creates.</summary>
        [JsonProperty("stackId")]
        public string? StackId { get; set; }

        public override string ToString() => $"{StackName} ({StackId ?? "new"}) at {HeatEndpoint}";
    }
}
