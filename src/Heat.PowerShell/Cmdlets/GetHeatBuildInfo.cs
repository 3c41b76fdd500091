using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets the revisions of Heat's API and engine.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatBuildInfo")]
    [OutputType(typeof(HeatBuildInfo))]
    public sealed class GetHeatBuildInfo : HeatCmdlet
    {
        protected override void ProcessRecord()
        {
            TryItem("HeatBuildInfo", null, () =>
            {
                WriteObject(Await(Client.Service.BuildInfoAsync(CancellationToken)));
            });
        }
    }
}
