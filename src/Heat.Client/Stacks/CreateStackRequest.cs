using System.Collections.Generic;
using Heat.Client.Templates;

namespace Heat.Client.Stacks
{
    /// <summary>A new stack: <c>POST /stacks</c>.</summary>
    public sealed class CreateStackRequest
    {
        public string? StackName { get; set; }

        public TemplateBundle? Template { get; set; }

        /// <summary>Parameter name to value (strings, numbers, booleans, lists, maps), sent as the reference client sends them.</summary>
        public IDictionary<string, object> Parameters { get; set; } = new Dictionary<string, object>();

        public IList<string> Tags { get; set; } = new List<string>();

        public int? TimeoutMinutes { get; set; }

        public bool DisableRollback { get; set; }

        /// <summary>Adopt: the data an abandon or export gave (JSON text); the stack takes over the resources it names.
        /// Heat refuses unless the cloud enables it (enable_stack_adopt).</summary>
        public string? AdoptStackData { get; set; }
    }
}
