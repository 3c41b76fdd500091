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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>The stack's id (from a piped object): exact, whatever the name says, and saves a lookup.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>The stacks named by this pipeline record. An empty -StackId (a blank CSV cell) counts as absent.</summary>
        protected IEnumerable<StackRef> Targets()
        {
            var id = string.IsNullOrEmpty(StackId) ? null : StackId;
            if (id != null && StackName.Length == 1)
            {
                yield return new StackRef(StackName[0], id);
                yield break;
            }
            foreach (var name in StackName) yield return StackRef.FromNameOrId(name);
        }
    }
}
