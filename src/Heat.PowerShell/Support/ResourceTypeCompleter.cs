using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Completes resource type names (OS::Heat::RandomString ...) from the cloud's own list, which has only the types
    /// whose service it runs. Kept and waited for as <see cref="CompletionLists"/> says; never throws.
    /// </summary>
    public sealed class ResourceTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var types = CompletionLists.Get(CompletionLists.SessionOf(fakeBoundParameters), "resource-types",
                (client, token) => client.ResourceTypes.ListAsync(new ResourceTypeListOptions(), token).GetAwaiter().GetResult()
                    .Select(t => new CompletionItem(t.ResourceType, t.ResourceType)));
            return CompletionLists.Results(types, wordToComplete);
        }
    }
}
