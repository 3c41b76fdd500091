using System;
using Heat.Client.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Plans
{
    /// <summary>
    /// A reviewed change to one stack, to apply later exactly as reviewed: where it goes, the stack as it was when
    /// planned (<see cref="Fingerprint"/>), the request that will be sent (template, files, environment, parameters,
    /// tags: the whole bundle, so local files edited since do not matter) and the rows of what it changes. Parameters
    /// that are hidden or whose names say password, secret, token or key are not in it: <see cref="SecretParameters"/>
    /// names them, to be given again when the plan is applied. Saved as JSON (docs/plan-format.md).
    /// </summary>
    public sealed class HeatStackPlan
    {
        public const string FormatName = "heat-powershell-plan";

        /// <summary>The version this module writes and reads; a file of another version is refused.</summary>
        public const int CurrentVersion = 1;

        public const string CreateOperation = "Create";
        public const string UpdateOperation = "Update";
        public const string PatchOperation = "Patch";

        [JsonProperty("format", Order = 0)]
        public string Format { get; set; } = FormatName;

        [JsonProperty("version", Order = 1)]
        public int Version { get; set; } = CurrentVersion;

        [JsonProperty("createdAt", Order = 2)]
        public DateTime CreatedAt { get; set; }

        [JsonProperty("createdBy", Order = 3)]
        public string? CreatedBy { get; set; }

        [JsonProperty("target", Order = 4)]
        public HeatPlanTarget Target { get; set; } = new HeatPlanTarget();

        /// <summary>Create (POST), Update (PUT: the whole definition) or Patch (PATCH: what is given).</summary>
        [JsonProperty("operation", Order = 5)]
        public string? Operation { get; set; }

        /// <summary>The stack when planned; null for a create (which then needs the name to be free).</summary>
        [JsonProperty("fingerprint", Order = 6)]
        public HeatStackFingerprint? Fingerprint { get; set; }

        /// <summary>The body that will be sent, as Heat's API takes it, without the secret parameters.</summary>
        [JsonProperty("request", Order = 7)]
        public JObject Request { get; set; } = new JObject();

        [JsonProperty("secretParameters", Order = 8)]
        public string[] SecretParameters { get; set; } = Array.Empty<string>();

        [JsonProperty("differences", Order = 9)]
        public HeatStackDifference[] Differences { get; set; } = Array.Empty<HeatStackDifference>();

        /// <summary>The file it was read from or written to.</summary>
        [JsonIgnore]
        public string? Path { get; set; }

        /// <summary>The stack's name, for the pipeline (<c>Get-HeatStackPlan p.json | Get-HeatStack</c>).</summary>
        [JsonIgnore]
        public string? StackName => Target?.StackName;

        public override string ToString() => $"{Operation} {Target}";
    }
}
