using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Completes stack names from the session on the command line (-Session) or the default one. The list is kept for a
    /// short time and waited for briefly (<see cref="CompletionLists"/>); never throws: no session, no suggestions.
    /// </summary>
    public sealed class StackNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var stacks = CompletionLists.Get(CompletionLists.SessionOf(fakeBoundParameters), "stacks",
                (client, token) => client.Stacks.List(new StackListOptions(), token)
                    .Select(s => new CompletionItem(s.StackName, $"{s.StackName}  {s.StackStatus}")));
            return CompletionLists.Results(stacks, wordToComplete);
        }
    }

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

    /// <summary>Completes output keys of the stack already named on the command line.</summary>
    public sealed class OutputKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var stack = ResourceNameCompleter.StackOf(fakeBoundParameters);
            if (stack == null) return new List<CompletionResult>();
            var outputs = CompletionLists.Get(CompletionLists.SessionOf(fakeBoundParameters), $"outputs:{stack.StackName}/{stack.StackId}",
                (client, token) => client.Outputs.ListAsync(stack, token).GetAwaiter().GetResult()
                    .Select(o => new CompletionItem(o.OutputKey, string.IsNullOrEmpty(o.Description) ? o.OutputKey : $"{o.OutputKey}  {o.Description}")));
            return CompletionLists.Results(outputs, wordToComplete);
        }
    }
}
