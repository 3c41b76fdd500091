using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Heat.Client.Keystone;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Completes -Cloud with the cloud names of the clouds.yaml (and secure.yaml) that Connect-HeatService would read,
    /// from PowerShell's current folder. Never throws: an unreadable or broken file completes nothing.
    /// </summary>
    public sealed class CloudNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var names = CloudConfig.CloudNames(CloudConfigLocations.ForThisMachine(CurrentFolder()));
                return CompletionLists.Results(names.Select(n => new CompletionItem(n, n)), wordToComplete);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static string CurrentFolder()
        {
            try
            {
                // A nested command on the completing runspace: its session state is busy with the completion itself.
                using (var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    ps.AddCommand("Microsoft.PowerShell.Management\\Get-Location").AddParameter("PSProvider", "FileSystem");
                    return ps.Invoke<PathInfo>().FirstOrDefault()?.ProviderPath;
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return null;
            }
        }
    }
}
