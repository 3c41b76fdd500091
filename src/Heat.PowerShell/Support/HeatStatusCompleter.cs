using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>Completes -Status with Heat's states and statuses.</summary>
    public sealed class HeatStatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionLists.Results(HeatStatuses.States.Concat(HeatStatuses.All).Select(s => new CompletionItem(s, s)), wordToComplete);
    }
}
