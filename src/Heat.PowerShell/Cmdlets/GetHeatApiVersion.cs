using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists the API versions Heat's root offers (CURRENT, SUPPORTED, DEPRECATED).</summary>
    /// <remarks>
    /// <para>Get-HeatApiVersion reads the document at the root of Heat's endpoint: one HeatApiVersion per version with
    /// its id (v1.0), status and links. The module speaks v1.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatApiVersion
    /// </code>
    /// <para>Lists the versions the cloud's Heat offers.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatApiVersion | Where-Object Status -eq CURRENT
    /// </code>
    /// <para>The version Heat calls current.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatApiVersion")]
    [OutputType(typeof(HeatApiVersion))]
    public sealed class GetHeatApiVersion : HeatCmdlet
    {
        protected override void ProcessRecord()
        {
            TryItem("HeatApiVersion", null, () =>
            {
                foreach (var version in Await(Client.Service.ApiVersionsAsync(CancellationToken))) WriteObject(version);
            });
        }
    }
}
