using System.Management.Automation;

namespace Heat.PowerShell.Base
{
    /// <summary>A cmdlet about one snapshot of a stack: the stack target and <c>-SnapshotId</c>, both bound from a piped snapshot.</summary>
    public abstract class SnapshotCmdlet : StackTargetCmdlet
    {
        /// <summary>The snapshot's id (Get-HeatStackSnapshot lists them). A piped snapshot gives it, with its
        /// stack.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        public string SnapshotId { get; set; }
    }
}
