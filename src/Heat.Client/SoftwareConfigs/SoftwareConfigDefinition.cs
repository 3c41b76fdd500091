using System.Collections.Generic;

namespace Heat.Client.SoftwareConfigs
{
    /// <summary>What a definition file gives a new software config; a section the file leaves out is null.</summary>
    public sealed class SoftwareConfigDefinition
    {
        public IList<IDictionary<string, object>>? Inputs { get; set; }

        public IList<IDictionary<string, object>>? Outputs { get; set; }

        public IDictionary<string, object>? Options { get; set; }
    }
}
