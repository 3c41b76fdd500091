using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Suggests a software deployment's actions: those Heat's own deployments use. Only suggestions: the action is the
    /// agent's business, and a deployment may have one of its own.
    /// </summary>
    public sealed class DeploymentActionCompleter : IArgumentCompleter
    {
        private static readonly string[] Actions = { "CREATE", "UPDATE", "DELETE", "SUSPEND", "RESUME" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionLists.Results(Actions.Select(a => new CompletionItem(a, a)), wordToComplete);
    }
}
