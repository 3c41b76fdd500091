using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>
    /// A software deployment (<c>/software_deployments/{id}</c>): one config applied to one server, with the input values
    /// given and the output values the server's agent signalled back (deploy_stdout, deploy_stderr, deploy_status_code and
    /// the config's own outputs).
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatSoftwareDeployment
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        /// <summary>Same as <see cref="Id"/>, so a piped deployment binds to <c>-DeploymentId</c>.</summary>
        public string? DeploymentId => Id;

        /// <summary>The server it is for: Heat stores it as given (it does not ask Nova).</summary>
        [JsonProperty("server_id")]
        public string? ServerId { get; set; }

        [JsonProperty("config_id")]
        public string? ConfigId { get; set; }

        /// <summary>CREATE, UPDATE, DELETE, SUSPEND, RESUME or an action of the caller's own.</summary>
        [JsonProperty("action")]
        public string? Action { get; set; }

        /// <summary>IN_PROGRESS, COMPLETE or FAILED.</summary>
        [JsonProperty("status")]
        public string? Status { get; set; }

        [JsonProperty("status_reason")]
        public string? StatusReason { get; set; }

        [JsonProperty("input_values"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? InputValues { get; set; }

        [JsonProperty("output_values"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? OutputValues { get; set; }

        [JsonProperty("creation_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? CreationTime { get; set; }

        [JsonProperty("updated_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? UpdatedTime { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }
}
