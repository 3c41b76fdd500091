using System.Collections;
using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets the environment Heat holds for a stack (parameters, parameter_defaults, resource_registry ...) as a hashtable.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackEnvironment")]
    [OutputType(typeof(Hashtable))]
    public sealed class GetHeatStackEnvironment : StackTargetCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () => WriteObject(Await(Client.StackData.GetEnvironmentAsync(stack, CancellationToken))));
            }
        }
    }
}
