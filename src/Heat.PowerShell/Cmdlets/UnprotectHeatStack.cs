using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lifts the mark of Protect-HeatStack, so that Remove-HeatStack may remove the stacks again.</summary>
    /// <remarks>
    /// <para>Unprotect-HeatStack takes the tag heat-powershell-protected away from each stack (a patch update that keeps
    /// everything else, as Protect-HeatStack's). The stack's other tags stay. ConfirmImpact is Medium: it removes a
    /// safeguard; -Force skips the prompt, -WhatIf changes nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Unprotect-HeatStack old-db -Force -Wait; Remove-HeatStack old-db -Force -Wait
    /// </code>
    /// <para>Retires a stack that was protected.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Tag heat-powershell-protected
    /// </code>
    /// <para>Lists the stacks that are protected now.</para>
    /// </example>
    [Cmdlet(VerbsSecurity.Unprotect, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack))]
    public sealed class UnprotectHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Update;

        protected override string ActionText => "Unprotect Heat stack (allow its removal)";

        internal override SendStack CaptureSend() => Sends.Protection(protect: false);
    }
}
