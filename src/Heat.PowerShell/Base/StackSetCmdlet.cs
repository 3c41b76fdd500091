using System.Management.Automation;
using Heat.Client.Fleet;

namespace Heat.PowerShell.Base
{
    /// <summary>
    /// What the stack set cmdlets share: the definition file they take (-Path), read and checked for each record; a file
    /// that cannot be read or breaks the format is one HeatStackSetInvalid error for it, and the next record goes on.
    /// </summary>
    public abstract class StackSetCmdlet : AsyncCmdlet
    {
        /// <summary>The stack set definition file (YAML, docs/stack-set-format.md); binds piped files by FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        protected override void ProcessRecord()
        {
            var folder = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            TryItem("HeatStackSet", file, () => Process(StackSetDefinition.Read(file), folder));
        }

        /// <summary>This cmdlet's work on one definition; <paramref name="currentFolder"/> is where clouds.yaml is looked for.</summary>
        internal abstract void Process(StackSetDefinition set, string currentFolder);
    }
}
