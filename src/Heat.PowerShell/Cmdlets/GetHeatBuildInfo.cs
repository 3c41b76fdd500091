using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets the revisions of Heat's API and engine.</summary>
    /// <remarks>
    /// <para>Get-HeatBuildInfo reads Heat's build_info route (openstack orchestration build info) and writes a
    /// HeatBuildInfo with the API and engine revisions, as the cloud's operators configured them (often
    /// "unknown").</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatBuildInfo
    /// </code>
    /// <para>Shows the API and engine revisions.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-HeatBuildInfo).EngineRevision
    /// </code>
    /// <para>Only the engine's revision.</para>
    /// </example>
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
