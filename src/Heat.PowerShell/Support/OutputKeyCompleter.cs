using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Heat.Client;

namespace Heat.PowerShell.Support
{
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
