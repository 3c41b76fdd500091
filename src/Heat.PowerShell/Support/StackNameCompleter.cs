using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Heat.Client;

namespace Heat.PowerShell
{
    /// <summary>Completes stack names from the default session. Never throws: no session, no suggestions.</summary>
    public sealed class StackNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var results = new List<CompletionResult>();
            try
            {
                var session = fakeBoundParameters?["Session"] as HeatSession ?? SessionStore.Default;
                if (session == null || session.IsDisposed) return results;
                var pattern = Wildcards.Pattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*");
                using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
                {
                    var client = new HeatClient(session);
                    foreach (var stack in client.Stacks.List(new StackListOptions(), timeout.Token).Take(500))
                    {
                        if (stack.StackName == null || !pattern.IsMatch(stack.StackName)) continue;
                        var text = stack.StackName.IndexOfAny(new[] { ' ', '\'', '"', '$', '`' }) >= 0 ? $"'{stack.StackName.Replace("'", "''")}'" : stack.StackName;
                        results.Add(new CompletionResult(text, stack.StackName, CompletionResultType.ParameterValue, $"{stack.StackName} {stack.StackStatus}"));
                    }
                }
            }
            catch (Exception)
            {
                // A completer that throws breaks the user's typing; no suggestions is the right failure.
            }
            return results;
        }
    }
}
