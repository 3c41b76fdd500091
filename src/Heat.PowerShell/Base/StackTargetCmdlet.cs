using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

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
        protected IEnumerable<StackRef> ResolveTargets()
        {
            List<HeatStack> listed = null;
            foreach (var target in Targets())
            {
                if (target.StackId != null || !Wildcards.IsPattern(target.StackName))
                {
                    yield return target;
                    continue;
                }
                listed = listed ?? ListAll();
                var pattern = Wildcards.Pattern(target.StackName);
                int matched = 0;
                foreach (var stack in listed.Where(s => s.StackName != null && pattern.IsMatch(s.StackName)))
                {
                    matched++;
                    yield return RefOf(stack);
                }
                if (matched == 0) WriteVerbose($"No stack matches '{target.StackName}'.");
            }
        }

        private List<HeatStack> ListAll()
        {
            var all = new List<HeatStack>();
            TryItem("HeatStack", null, () => all.AddRange(Stream(Client.Stacks.List(new StackListOptions(), CancellationToken))));
            return all;
        }

        /// <summary>The stacks named by this pipeline record, as given. An empty -StackId (a blank CSV cell) counts as absent.</summary>
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
