using System.Management.Automation;

namespace Heat.PowerShell
{
    /// <summary>A cmdlet about one snapshot of a stack: the stack target and <c>-SnapshotId</c>, both bound from a piped snapshot.</summary>
    public abstract class SnapshotCmdlet : StackTargetCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SnapshotId { get; set; }
    }
}
