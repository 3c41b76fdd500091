using Newtonsoft.Json.Linq;

namespace Heat.Tests.Shared
{
    /// <summary>
    /// Software configs and deployments as Heat 19 answers them (heat/engine/api.py format_software_config and
    /// format_software_deployment): a list item has no config, inputs, outputs or options; Heat keeps only the input and
    /// output schema keys that have a value, with type String filled in, and error_output always.
    /// </summary>
    internal static class SoftwareFixtures
    {
        public const string CreatedAt = "2026-11-25T10:00:00Z";

        /// <summary>A config as the list shows it.</summary>
        public static JObject ConfigSummary(string id, string name, string group = "script") => new JObject
        {
            ["id"] = id,
            ["name"] = name,
            ["group"] = group,
            ["creation_time"] = CreatedAt,
        };

        /// <summary>A config as showing or creating it gives it: a script with one input and one output.</summary>
        public static JObject Config(string id, string name, string group = "script", string script = "#!/bin/sh\necho \"$greeting\" > $heat_outputs_path.result\n")
        {
            var config = ConfigSummary(id, name, group);
            config["config"] = script;
            config["inputs"] = new JArray(new JObject { ["name"] = "greeting", ["type"] = "String", ["default"] = "hello" });
            config["outputs"] = new JArray(new JObject { ["name"] = "result", ["type"] = "String", ["error_output"] = false });
            config["options"] = new JObject();
            return config;
        }

        /// <summary>A deployment as Heat shows it; IN_PROGRESS until a server's agent signals, so no output values yet.</summary>
        public static JObject Deployment(string id, string serverId, string configId, string status = "IN_PROGRESS") => new JObject
        {
            ["id"] = id,
            ["server_id"] = serverId,
            ["config_id"] = configId,
            ["input_values"] = new JObject { ["greeting"] = "hi" },
            ["output_values"] = null,
            ["action"] = "UPDATE",
            ["status"] = status,
            ["status_reason"] = "None",
            ["creation_time"] = CreatedAt,
        };

        /// <summary>The same deployment after its agent signalled: COMPLETE, with the standard outputs and the config's own.</summary>
        public static JObject SignalledDeployment(string id, string serverId, string configId)
        {
            var deployment = Deployment(id, serverId, configId, "COMPLETE");
            deployment["status_reason"] = "Outputs received";
            deployment["output_values"] = new JObject
            {
                ["result"] = "hi",
                ["deploy_stdout"] = "done\n",
                ["deploy_stderr"] = "",
                ["deploy_status_code"] = 0,
            };
            deployment["updated_time"] = "2026-11-25T10:05:00Z";
            return deployment;
        }
    }
}
