using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets software deployments by id, or lists them.</summary>
    /// <remarks>
    /// <para>With -DeploymentId (or piped deployments and outputs), Get-HeatSoftwareDeployment reads each deployment
    /// (<c>openstack software deployment show</c>): Id, ServerId, ConfigId, Action, Status, StatusReason, InputValues,
    /// OutputValues and times. Without it, it lists every deployment, or with -ServerId those to one server
    /// (<c>openstack software deployment list</c>).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment -ServerId $serverId
    /// </code>
    /// <para>The deployments to one server.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment | Where-Object Status -eq FAILED | Get-HeatSoftwareDeploymentOutput -OutputName deploy_stderr
    /// </code>
    /// <para>What failed deployments wrote to stderr.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatSoftwareDeployment", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(HeatSoftwareDeployment))]
    public sealed class GetHeatSoftwareDeployment : HeatCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Ids (also from a piped deployment or output). Given but null or empty: an error, never the list.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        /// <summary>Only the deployments to this server (Heat filters).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string ServerId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in DeploymentId)
                {
                    TryItem("HeatSoftwareDeployment", id, () => WriteObject(Await(Client.SoftwareDeployments.GetAsync(id, CancellationToken))));
                }
                return;
            }
            TryItem("HeatSoftwareDeployment", ServerId, () =>
            {
                var options = new SoftwareDeploymentListOptions { ServerId = ServerId };
                foreach (var deployment in Await(Client.SoftwareDeployments.ListAsync(options, CancellationToken))) WriteObject(deployment);
            });
        }
    }
}
