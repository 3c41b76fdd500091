using System.Collections.Generic;

namespace Heat.Client.SoftwareConfigs
{
    /// <summary>
    /// A new software config, in Heat's own shape: each input and output is a map of Heat's schema keys (name, type,
    /// description, default, replace_on_change; error_output for an output), values plain .NET values.
    /// </summary>
    public sealed class CreateSoftwareConfigRequest
    {
        public string? Name { get; set; }

        /// <summary>The hook that runs it; Heat::Ungrouped when not given (as <c>openstack software config create</c>).</summary>
        public string? Group { get; set; }

        /// <summary>The script or data: text, or a map for a structured config. Empty text when not given.</summary>
        public object? Config { get; set; }

        public IList<IDictionary<string, object>> Inputs { get; set; } = new List<IDictionary<string, object>>();

        public IList<IDictionary<string, object>> Outputs { get; set; } = new List<IDictionary<string, object>>();

        public IDictionary<string, object> Options { get; set; } = new Dictionary<string, object>();
    }
}
