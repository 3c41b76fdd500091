using System.Collections.Generic;

namespace Heat.Client.SoftwareDeployments
{
    /// <summary>A new software deployment: a config for a server, with its input values (plain .NET values).</summary>
    public sealed class CreateSoftwareDeploymentRequest
    {
        public string? ServerId { get; set; }

        public string? ConfigId { get; set; }

        public IDictionary<string, object> InputValues { get; set; } = new Dictionary<string, object>();

        /// <summary>UPDATE when not given, as <c>openstack software deployment create</c>.</summary>
        public string? Action { get; set; }

        /// <summary>IN_PROGRESS when not given, as <c>openstack software deployment create</c>: the server has still to run it.</summary>
        public string? Status { get; set; }

        public string? StatusReason { get; set; }
    }
}
