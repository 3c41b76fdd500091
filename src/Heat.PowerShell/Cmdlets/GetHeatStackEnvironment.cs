using System.Collections;
using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets the environment Heat holds for a stack, as a hashtable.</summary>
    /// <remarks>
    /// <para>Get-HeatStackEnvironment writes the merged environment Heat keeps for each stack (<c>openstack stack
    /// environment show</c>): parameters, parameter_defaults, resource_registry, event_sinks and encrypted parameters
    /// as Heat shows them (hidden values masked by Heat).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// (Get-HeatStackEnvironment web-prod).parameter_defaults
    /// </code>
    /// <para>The parameter defaults the stack was created or last updated with.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackEnvironment web-prod | ConvertTo-Json -Depth 10 | Set-Content web-prod-env.json
    /// </code>
    /// <para>Saves the environment as JSON.</para>
    /// </example>
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
