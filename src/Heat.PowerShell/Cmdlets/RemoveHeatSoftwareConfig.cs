using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes software configs (ConfirmImpact High; -Force to skip the prompt). Heat refuses one a deployment still uses.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "HeatSoftwareConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveHeatSoftwareConfig : HeatCmdlet
    {
        /// <summary>Ids (also from a piped config). Given but null or empty: an error, never "every config".</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] ConfigId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in ConfigId)
            {
                if (!ShouldProcessUnlessForced(Force, id, "Remove Heat software config")) continue;
                TryItem("HeatSoftwareConfig", id, () => Await(Client.SoftwareConfigs.DeleteAsync(id, CancellationToken)));
            }
        }
    }
}
