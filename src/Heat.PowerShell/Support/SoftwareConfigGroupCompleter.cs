using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Suggests the groups of heat-agents' hooks (and Heat::Ungrouped). Only suggestions: a group is the name of a hook on
    /// the server, and a cloud may have hooks of its own.
    /// </summary>
    public sealed class SoftwareConfigGroupCompleter : IArgumentCompleter
    {
        private static readonly string[] Groups =
        {
            "script", "ansible", "puppet", "salt", "chef", "cfn-init", "docker-compose", "apply-config", "hiera", "json-file",
            "kubelet", "Heat::Ungrouped",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionLists.Results(Groups.Select(g => new CompletionItem(g, g)), wordToComplete);
    }
}
