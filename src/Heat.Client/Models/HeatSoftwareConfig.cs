using System;
using System.Collections;
using Heat.Client.Internal;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>
    /// A software config (<c>/software_configs/{id}</c>): what a server's agent runs (a script, a playbook, a puppet
    /// manifest...) and the inputs and outputs it declares. Heat's list gives only id, name, group and creation time;
    /// showing one gives the rest. Heat never changes a config: a new version is a new config.
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    public sealed class HeatSoftwareConfig
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        /// <summary>Same as <see cref="Id"/>, so a piped config binds to <c>-ConfigId</c> (New-HeatSoftwareDeployment).</summary>
        public string? ConfigId => Id;

        [JsonProperty("name")]
        public string? Name { get; set; }

        /// <summary>The hook that runs it on the server: script, ansible, puppet, Heat::Ungrouped ...</summary>
        [JsonProperty("group")]
        public string? Group { get; set; }

        /// <summary>The script or data: text, or a map for a structured config (OS::Heat::StructuredConfig).</summary>
        [JsonProperty("config"), JsonConverter(typeof(PlainConverter))]
        public object? Config { get; set; }

        [JsonProperty("inputs")]
        public HeatSoftwareConfigInput[]? Inputs { get; set; }

        [JsonProperty("outputs")]
        public HeatSoftwareConfigOutput[]? Outputs { get; set; }

        [JsonProperty("options"), JsonConverter(typeof(PlainConverter))]
        public Hashtable? Options { get; set; }

        [JsonProperty("creation_time"), JsonConverter(typeof(HeatTimeConverter))]
        public DateTime? CreationTime { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
