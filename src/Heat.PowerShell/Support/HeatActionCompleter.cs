using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>Completes -Action of events with Heat's actions (CREATE, UPDATE, DELETE, ROLLBACK ...).</summary>
    public sealed class HeatActionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionLists.Results(HeatStatuses.Actions.Select(a => new CompletionItem(a, a)), wordToComplete);
    }
}
