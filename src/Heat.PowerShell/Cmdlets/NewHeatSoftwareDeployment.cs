using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deploys a software config to a server: a deployment, IN_PROGRESS until the server's agent (or Set-HeatSoftwareDeployment) reports.</para>
    /// <para type="description">Heat stores the server id as given (it does not ask Nova). A piped config gives -ConfigId:
    /// Get-HeatSoftwareConfig -Name deploy | New-HeatSoftwareDeployment -ServerId $server.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HeatSoftwareDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HeatSoftwareDeployment))]
    public sealed class NewHeatSoftwareDeployment : HeatCmdlet
    {
        /// <summary>The server (a Nova id: Heat keeps at most 36 characters, a database error past that).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 36)]
        public string ServerId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConfigId { get; set; }

        /// <summary>Values for the config's inputs (kept typed: numbers stay numbers).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary InputValues { get; set; }

        /// <summary>UPDATE when left out, as openstack software deployment create; CREATE, DELETE, SUSPEND, RESUME or your own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Action { get; set; }

        /// <summary>IN_PROGRESS when left out: the server has still to run it.</summary>
        [Parameter]
        [ValidateSet("IN_PROGRESS", "COMPLETE", "FAILED")]
        public string Status { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string StatusReason { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"server {ServerId}", $"Deploy Heat software config {ConfigId}")) return;
            TryItem("HeatSoftwareDeployment", ServerId, () =>
            {
                var request = new CreateSoftwareDeploymentRequest
                {
                    ServerId = ServerId,
                    ConfigId = ConfigId,
                    InputValues = SoftwareSchemas.Values(InputValues) ?? new System.Collections.Generic.Dictionary<string, object>(),
                    Action = Action,
                    Status = Status,
                    StatusReason = StatusReason,
                };
                WriteObject(Await(Client.SoftwareDeployments.CreateAsync(request, CancellationToken)));
            });
        }
    }
}
