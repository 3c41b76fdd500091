using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Suspends stacks: Heat suspends their resources where the resource type supports it.</summary>
    /// <remarks>
    /// <para>Suspend-HeatStack sends Heat's suspend action (<c>openstack stack suspend</c>) to each stack, concurrently
    /// (-ThrottleLimit), after confirmation (ConfirmImpact Medium; -Force skips it). Servers are suspended, other
    /// resources as their type allows.</para>
    /// <para>With -Wait, every stack is waited for at once; a stack that does not reach SUSPEND_COMPLETE is an error
    /// record with Heat's reasons. -PassThru writes the stacks. Resume-HeatStack undoes it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Suspend-HeatStack web-test -Wait
    /// </code>
    /// <para>Suspends web-test and waits until it is SUSPEND_COMPLETE.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack dev-* | Suspend-HeatStack -Force -PassThru
    /// </code>
    /// <para>Suspends every dev- stack at night, without asking, and shows each as it started.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack))]
    public sealed class SuspendHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Suspend;

        protected override string ActionText => "Suspend Heat stack";

        internal override SendStack CaptureSend() => Sends.Action(StackAction.Suspend);
    }
}
