using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the API versions Heat's root offers (CURRENT, SUPPORTED, DEPRECATED).</para>
    /// </summary>
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
