using System.Management.Automation;
using Heat.Client.Fleet;
using Heat.PowerShell.Fleet;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Shows each target of a stack set: its stack there, and whether it still matches the definition.</summary>
    /// <remarks>
    /// <para>Get-HeatStackSet reads a stack set definition (-Path, docs/stack-set-format.md) and asks every target's cloud
    /// at once for the target's stack. It writes one HeatStackSetMember per target: Target, Cloud, Region, Project,
    /// StackName, StackId, StackStatus and State: InSync (a member converged from the definition as it is now), Outdated
    /// (a member converged from another version of it: template, environments or parameters have changed since),
    /// Missing (no stack of that name), NotMember (a stack of that name that Set-HeatStackSet did not make: it has not the
    /// set's tag) or Unreachable (the cloud could not be asked), with the Reason.</para>
    /// <para>It changes nothing. Set-HeatStackSet converges what is not InSync.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackSet ./fleet/web.yaml | Format-Table Target, Cloud, StackName, StackStatus, State
    /// </code>
    /// <para>Where each target stands.</para>
    /// </example>
    /// <example>
    /// <code>
    /// if (Get-HeatStackSet ./fleet/web.yaml | Where-Object State -ne InSync) { Set-HeatStackSet ./fleet/web.yaml -Wait -Force }
    /// </code>
    /// <para>Converges the set only when a target drifted from the definition.</para>
    /// </example>
    /// <notes>
    /// <para>InSync compares the definition's hash with the one Set-HeatStackSet tagged the stack with; a change made
    /// behind the set's back (another client updating the stack) shows in Compare-HeatStack, not here.</para>
    /// </notes>
    [Cmdlet(VerbsCommon.Get, "HeatStackSet")]
    [OutputType(typeof(HeatStackSetMember))]
    public sealed class GetHeatStackSet : StackSetCmdlet
    {
        /// <summary>How many targets are asked at once.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int MaxConcurrent { get; set; } = 8;

        internal override void Process(StackSetDefinition set, string currentFolder)
        {
            foreach (var (member, _) in StackSetMembers.Find(this, set, MaxConcurrent, currentFolder)) WriteObject(member);
        }
    }
}
