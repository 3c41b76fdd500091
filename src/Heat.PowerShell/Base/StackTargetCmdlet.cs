using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell
{
    /// <summary>
    /// A cmdlet that acts on named stacks: <c>-StackName</c> (alias <c>-Name</c>) and <c>-StackId</c>, bound from the
    /// pipeline by value or by property name, so stacks, events and resources pipe into it. The same parameters with
    /// the same binding on every such cmdlet. An empty name is refused by validation, never read as "all".
    /// </summary>
    public abstract class StackTargetCmdlet : HeatCmdlet
    {
        /// <summary>The stacks, by name or id. Wildcards (*, ?, [ ]) match the stack list, each matching stack once; a
        /// name without wildcards that Heat does not know is a non-terminating HeatStackNotFound error and the next
        /// name goes on. Binds from the pipeline: strings by value, and the StackName of piped stacks, events,
        /// resources, outputs and snapshots by property name. A name given but null or empty is refused, never read as
        /// "every stack".</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>The stack's id, usually bound from a piped object: the stack is then addressed exactly, whatever
        /// the name says, and without a lookup by name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>The stacks named by this pipeline record, a wildcard name matched against the list (each match once).</summary>
        protected IEnumerable<StackRef> ResolveTargets() => ResolveTargets(StackName, StackId);
    }
}
