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
        /// <summary>Names or ids; wildcards match the stack list (Heat's names never hold *, ? or [).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>The stack's id (from a piped object): exact, whatever the name says, and saves a lookup.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>The stacks named by this pipeline record, a wildcard name matched against the list (each match once).</summary>
        protected IEnumerable<StackRef> ResolveTargets() => ResolveTargets(StackName, StackId);
    }
}
