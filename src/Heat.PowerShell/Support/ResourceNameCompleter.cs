using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>Completes resource names of the stack already named on the command line (-StackName or -StackId).</summary>
    public sealed class ResourceNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var stack = StackOf(fakeBoundParameters);
            if (stack == null) return new List<CompletionResult>();
            var resources = CompletionLists.Get(CompletionLists.SessionOf(fakeBoundParameters), $"resources:{stack.StackName}/{stack.StackId}",
                (client, token) => client.Resources.ListAsync(stack, new ResourceListOptions(), token).GetAwaiter().GetResult()
                    .Select(r => new CompletionItem(r.ResourceName, $"{r.ResourceName}  {r.ResourceType}  {r.ResourceStatus}")));
            return CompletionLists.Results(resources, wordToComplete);
        }

        /// <summary>The one stack the command line names; none for a pattern (which stack's resources would it be?).</summary>
        internal static StackRef StackOf(IDictionary fakeBoundParameters)
        {
            var id = CompletionLists.FirstValue(fakeBoundParameters, "StackId");
            var name = CompletionLists.FirstValue(fakeBoundParameters, "StackName") ?? CompletionLists.FirstValue(fakeBoundParameters, "Name");
            if (string.IsNullOrEmpty(id) && (string.IsNullOrEmpty(name) || Wildcards.IsPattern(name))) return null;
            return string.IsNullOrEmpty(id) ? new StackRef(name, null) : new StackRef(string.IsNullOrEmpty(name) || Wildcards.IsPattern(name) ? null : name, id);
        }
    }
}
