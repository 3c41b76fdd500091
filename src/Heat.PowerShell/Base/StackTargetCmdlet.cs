using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Base
{
    /// <summary>
    /// A cmdlet that acts on named stacks: <c>-StackName</c> (alias <c>-Name</c>) and <c>-StackId</c>, bound from the
    /// pipeline by value or by property name, so stacks, events and resources pipe into it. The same parameters with
    /// the same binding on every such cmdlet. Each names a stack alone; neither is mandatory, so nothing ever prompts
    /// for a stack: a record that names none, or names one two ways that disagree, is an error record. An empty name is
    /// refused by validation, never read as "all".
    /// </summary>
    public abstract class StackTargetCmdlet : HeatCmdlet
    {
        /// <summary>The stacks, by name or id. Wildcards (*, ?, [ ]) match the stack list, each matching stack once; a
        /// name without wildcards that Heat does not know is a non-terminating HeatStackNotFound error and the next
        /// name goes on. A cmdlet that changes stacks matches a wildcard only against the whole list (a listing that
        /// fails part way changes nothing) and with case, as Heat's names are (web and WEB are two stacks); a cmdlet
        /// that reads matches without regard to case. Binds from the pipeline: strings by value, and the StackName of
        /// piped stacks, events, resources, outputs, snapshots and hooks by property name. A name given but null or
        /// empty is refused, never read as "every stack".</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>The stack's id: alone, or bound from a piped object with its name. The stack is then addressed
        /// exactly, and Heat refuses a name that is not the id's. An id with several names or a wildcard, or a name and
        /// an id from two places (one on the command line, one from the piped object), is a HeatStackTargetConflict
        /// error.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>The stacks named by this pipeline record, a wildcard name matched against the list (each match once).</summary>
        protected IEnumerable<StackRef> ResolveTargets() => ResolveTargets(StackName, StackId);
    }
}
