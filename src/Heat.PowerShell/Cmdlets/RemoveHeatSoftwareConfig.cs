using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Deletes software configs.</summary>
    /// <remarks>
    /// <para>Remove-HeatSoftwareConfig deletes each config (<c>openstack software config delete</c>). ConfirmImpact is
    /// High: PowerShell asks unless -Force, and -WhatIf says what would go. An id given but null or empty is an error,
    /// never "every config". Nothing is written.</para>
    /// <para>Heat refuses to delete a config that a deployment still uses, with a server error that says so:
    /// HeatServerError with Heat's words. Remove the deployments first (Remove-HeatSoftwareDeployment).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Remove-HeatSoftwareConfig $config.Id -Force
    /// </code>
    /// <para>Deletes one config without asking.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareConfig -Name test-* | Remove-HeatSoftwareConfig -WhatIf
    /// </code>
    /// <para>Shows which test- configs would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "HeatSoftwareConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveHeatSoftwareConfig : HeatCmdlet
    {
        /// <summary>Ids (also from a piped config). Given but null or empty: an error, never "every config".</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] ConfigId { get; set; }

        /// <summary>Delete without asking for confirmation (-WhatIf still only reports).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in ConfigId)
            {
                if (!ShouldAct(id, "Remove Heat software config", Force)) continue;
                TryItem("HeatSoftwareConfig", id, () => Await(Client.SoftwareConfigs.DeleteAsync(id, CancellationToken)));
            }
        }
    }
}
