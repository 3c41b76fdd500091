using System.Collections.Generic;
using Heat.Client.Templates;

namespace Heat.Client
{
    /// <summary>A new stack: <c>POST /stacks</c>.</summary>
    public sealed class CreateStackRequest
    {
        public string StackName { get; set; }

        public TemplateBundle Template { get; set; }

        /// <summary>Parameter name to value (strings, numbers, booleans, lists, maps), sent as the reference client sends them.</summary>
        public IDictionary<string, object> Parameters { get; set; } = new Dictionary<string, object>();

        public IList<string> Tags { get; set; } = new List<string>();

        public int? TimeoutMinutes { get; set; }

        public bool DisableRollback { get; set; }
    }
}
