using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Resumes suspended stacks.</summary>
    /// <remarks>
    /// <para>Resume-HeatStack sends Heat's resume action (<c>openstack stack resume</c>) to each stack, concurrently
    /// (-ThrottleLimit), after confirmation (ConfirmImpact Medium; -Force skips it).</para>
    /// <para>With -Wait, every stack is waited for at once; a stack that does not reach RESUME_COMPLETE is an error
    /// record with Heat's reasons. -PassThru writes the stacks.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Resume-HeatStack web-test -Wait
    /// </code>
    /// <para>Resumes web-test and waits until it is RESUME_COMPLETE.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Status SUSPEND_COMPLETE | Resume-HeatStack -Force -Wait
    /// </code>
    /// <para>Resumes every suspended stack and waits for all of them.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Resume, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStack))]
    public sealed class ResumeHeatStack : StackActionCmdlet
    {
        internal override WaitGoal Goal => WaitGoal.Resume;

        protected override string ActionText => "Resume Heat stack";

        internal override SendStack CaptureSend() => Sends.Action(StackAction.Resume);
    }
}
