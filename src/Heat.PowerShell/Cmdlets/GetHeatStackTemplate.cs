using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets the template Heat holds for a stack, as JSON text.</summary>
    /// <remarks>
    /// <para>Get-HeatStackTemplate writes the template Heat keeps for each stack (<c>openstack stack template show</c>)
    /// as indented JSON text. Heat stores templates as JSON; a HOT or CloudFormation template in JSON is valid YAML
    /// too, so the text can be written to a file and sent again with -TemplatePath.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackTemplate web-prod | Set-Content web-prod.json
    /// </code>
    /// <para>Saves the template of web-prod, to read it or to create a copy of the stack from it.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackTemplate web-prod | ConvertFrom-Json | Select-Object -ExpandProperty resources
    /// </code>
    /// <para>Looks at the resources the template declares.</para>
    /// </example>
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
