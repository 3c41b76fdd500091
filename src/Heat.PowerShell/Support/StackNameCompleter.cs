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
}
