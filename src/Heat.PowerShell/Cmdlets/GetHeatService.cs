using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists Heat's engines and whether each is up.</summary>
    /// <remarks>
    /// <para>Get-HeatService reads Heat's services route (openstack orchestration service list): one HeatServiceInfo
    /// per heat-engine worker, with its host, binary, engine id, topic, status (up or down) and times of creation and
    /// last report.</para>
    /// <para>Admin only: Heat's policy keeps engine status to admins, and anyone else gets a non-terminating
    /// HeatAccessDenied error with Heat's reason.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatService
    /// </code>
    /// <para>Lists the engines of the cloud the default session points at.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatService | Where-Object Status -ne 'up'
    /// </code>
    /// <para>Shows only the engines that stopped reporting, for a monitoring job.</para>
    /// </example>
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
