using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists the resources of stacks that wait at a hook (a breakpoint) until it is cleared.</summary>
    /// <remarks>
    /// <para>A hook set with -PreCreateHook, -PreUpdateHook or -PreDeleteHook (New-, Update-, Set-HeatStack) stops a
    /// resource before Heat creates, updates or deletes it. Get-HeatStackHook lists the resources waiting at the hook
    /// of what each stack is doing now (pre-create while it is created, and so on), as HeatStackHook objects: HookType,
    /// StackName, ResourceName and Since. A stack that is not in progress has none.</para>
    /// <para>-NestedDepth looks into nested stacks. Clear-HeatStackHook lets the resources go on; a -Wait (or
    /// Wait-HeatStack) that finds a stack stopped at hooks with nothing else in progress ends with a
    /// HeatStackPausedAtHook error naming them, instead of waiting for ever.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackHook web-prod -NestedDepth 2
    /// </code>
    /// <para>The resources of web-prod and its nested stacks that wait at a hook.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackHook web-prod
    /// Clear-HeatStackHook web-prod *
    /// Wait-HeatStack web-prod
    /// </code>
    /// <para>Looks at what waits, lets every waiting resource go on, then waits for the stack to finish.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStackHook")]
    [OutputType(typeof(HeatStackHook))]
    public sealed class GetHeatStackHook : StackTargetCmdlet
    {
        /// <summary>Look this many levels into nested stacks (0 to 10; default 0).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () =>
                {
                    foreach (var hook in Await(Client.Hooks.PendingAsync(stack, NestedDepth, CancellationToken))) WriteObject(hook);
                });
            }
        }
    }
}
