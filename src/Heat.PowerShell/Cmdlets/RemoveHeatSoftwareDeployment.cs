using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Deletes software deployments; their configs stay.</summary>
    /// <remarks>
    /// <para>Remove-HeatSoftwareDeployment deletes each deployment (<c>openstack software deployment delete</c>).
    /// ConfirmImpact is High: PowerShell asks unless -Force, and -WhatIf says what would go. Nothing is written.</para>
    /// <para><c>openstack software deployment delete</c> also deletes each deployment's config, because its create made
    /// that config for the deployment; New-HeatSoftwareDeployment deploys a config you made, so it is left for
    /// Remove-HeatSoftwareConfig.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment -ServerId $serverId | Remove-HeatSoftwareDeployment -Force
    /// </code>
    /// <para>Deletes every deployment to a server without asking.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-HeatSoftwareDeployment $deploymentId -WhatIf
    /// </code>
    /// <para>Shows what would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "HeatSoftwareDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveHeatSoftwareDeployment : HeatCmdlet
    {
        /// <summary>The deployments to delete, by id (alias Id); binds piped deployments and strings. Given but null or
        /// empty: an error, never "every deployment".</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        /// <summary>Delete without asking for confirmation (-WhatIf still only reports).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in DeploymentId)
            {
                if (!ShouldAct(id, "Remove Heat software deployment", Force)) continue;
                TryItem("HeatSoftwareDeployment", id, () => Await(Client.SoftwareDeployments.DeleteAsync(id, CancellationToken)));
            }
        }
    }
}
