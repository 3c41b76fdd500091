using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Marks stacks so that Remove-HeatStack refuses them, -Force or not.</summary>
    /// <remarks>
    /// <para>Protect-HeatStack adds the tag heat-powershell-protected to each stack (a patch update that keeps the
    /// template, environment and parameters; Heat stores tags only through an update, so the stack goes through
    /// UPDATE_IN_PROGRESS to UPDATE_COMPLETE without touching a resource). Remove-HeatStack, with or without -Abandon,
    /// then refuses the stack with a HeatStackProtected error, while the rest of a bulk removal goes on, until
    /// Unprotect-HeatStack takes the tag away.</para>
    /// <para>The protection is this module's only: Heat itself, Horizon, <c>openstack stack delete</c> and other
    /// clients do not know the tag and delete the stack as before. It guards against the wrong wildcard in a script, not
    /// against other tools.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Protect-HeatStack prod-db -Wait
    /// Get-HeatStack prod-* | Remove-HeatStack -Force
    /// </code>
    /// <para>Every prod- stack is deleted except prod-db, which is one HeatStackProtected error.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Tag production | Protect-HeatStack -PassThru
    /// </code>
    /// <para>Marks every stack tagged production, and writes each as its update started.</para>
    /// </example>
    [Cmdlet(VerbsSecurity.Protect, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HeatStack))]
    public sealed class ProtectHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Update;

        protected override string ActionText => "Protect Heat stack from removal";

        internal override SendStack CaptureSend() => Sends.Protection(protect: true);
    }
}
