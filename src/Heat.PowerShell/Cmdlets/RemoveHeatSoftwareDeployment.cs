using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes software deployments (ConfirmImpact High; -Force to skip the prompt). Their configs stay.</para>
    /// <para type="description">openstack software deployment delete also deletes each deployment's config, because its
    /// create made that config for the deployment; New-HeatSoftwareDeployment deploys a config you made, so it is left
    /// for Remove-HeatSoftwareConfig.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "HeatSoftwareDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveHeatSoftwareDeployment : HeatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in DeploymentId)
            {
                if (!ShouldProcessUnlessForced(Force, id, "Remove Heat software deployment")) continue;
                TryItem("HeatSoftwareDeployment", id, () => Await(Client.SoftwareDeployments.DeleteAsync(id, CancellationToken)));
            }
        }
    }
}
