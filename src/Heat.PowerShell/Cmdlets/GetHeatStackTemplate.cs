using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets the template Heat holds for a stack, as JSON text that can be written to a file and sent again.</para>
    /// <para type="description">Heat keeps templates as JSON; a HOT template in JSON is a valid template for
    /// New-HeatStack and Update-HeatStack (<c>Get-HeatStackTemplate web | Set-Content web.json</c>).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStackTemplate")]
    [OutputType(typeof(string))]
    public sealed class GetHeatStackTemplate : StackTargetCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () =>
                    WriteObject(JToken.Parse(Await(Client.StackData.GetTemplateJsonAsync(stack, CancellationToken))).ToString(Newtonsoft.Json.Formatting.Indented)));
            }
        }
    }
}
