using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists Heat's engines and whether each is up.</para>
    /// <para type="description">Admin only: Heat's policy keeps engine status to admins, and anyone else gets a
    /// HeatAccessDenied error with Heat's reason.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatService")]
    [OutputType(typeof(HeatServiceInfo))]
    public sealed class GetHeatService : HeatCmdlet
    {
        protected override void ProcessRecord()
        {
            TryItem("HeatService", null, () =>
            {
                foreach (var service in Await(Client.Service.ListServicesAsync(CancellationToken))) WriteObject(service);
            });
        }
    }
}
