using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the resources of stacks that wait at a hook (a breakpoint) until it is cleared.</para>
    /// <para type="description">A stack in progress can stop at the hook of its action: pre-create while it is created,
    /// pre-update while updated, pre-delete while deleted. -NestedDepth looks into nested stacks. A stack that is not
    /// in progress has none.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackHook")]
    [OutputType(typeof(HeatStackHook))]
    public sealed class GetHeatStackHook : StackTargetCmdlet
    {
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
