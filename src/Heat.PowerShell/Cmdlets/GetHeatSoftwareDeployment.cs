using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets software deployments by id, or lists them (all, or a server's with -ServerId).</para>
    /// </summary>
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
