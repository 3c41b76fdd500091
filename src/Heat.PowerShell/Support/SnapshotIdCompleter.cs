using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Completes the snapshot ids of the stack already named on the command line (-StackName or -StackId), with each
    /// snapshot's name, status and time as the tooltip: an id says nothing by itself. No stack named, no suggestions.
    /// </summary>
    public sealed class SnapshotIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var stack = ResourceNameCompleter.StackOf(fakeBoundParameters);
            if (stack == null) return new List<CompletionResult>();
            var snapshots = CompletionLists.Get(CompletionLists.SessionOf(fakeBoundParameters), $"snapshots:{stack.StackName}/{stack.StackId}",
                (client, token) => client.Snapshots.ListAsync(stack, token).GetAwaiter().GetResult()
                    .Select(s => new CompletionItem(s.Id, $"{s.Id}  {s.Name}  {s.Status}  {s.CreationTime:u}".TrimEnd())));
            return CompletionLists.Results(snapshots, wordToComplete);
        }
    }
}
