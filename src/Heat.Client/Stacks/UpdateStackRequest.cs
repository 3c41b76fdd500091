using System.Collections.Generic;
using Heat.Client.Templates;

namespace Heat.Client.Stacks
{
    /// <summary>A change to a stack: <c>PUT</c> (all of it) or <c>PATCH</c> (<see cref="Existing"/>: keep what is not given).</summary>
    public sealed class UpdateStackRequest
    {
        /// <summary>The new template; null with <see cref="Existing"/> keeps the stack's own.</summary>
        public TemplateBundle? Template { get; set; }

        /// <summary>PATCH: keep the template, the environment and every parameter that is not given.</summary>
        public bool Existing { get; set; }

        public IDictionary<string, object> Parameters { get; set; } = new Dictionary<string, object>();

        /// <summary>PATCH: parameters that go back to their defaults.</summary>
        public IList<string> ClearParameters { get; set; } = new List<string>();

        public bool? DisableRollback { get; set; }

        public int? TimeoutMinutes { get; set; }

        /// <summary>Null: a PATCH keeps the stack's tags, a PUT removes them (seen on Heat 19).</summary>
        public IList<string>? Tags { get; set; }

        /// <summary>Compare resources with what really exists (Heat's converge) instead of the stored state.</summary>
        public bool Converge { get; set; }
    }
}
