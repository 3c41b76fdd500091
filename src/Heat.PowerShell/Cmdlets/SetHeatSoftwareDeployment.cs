using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Changes software deployments: reports a result (status, reason, output values) as a server's agent does, or changes the config or input values.</para>
    /// <para type="description">Only what is given changes. -OutputValues replaces the outputs as a whole. Heat cannot
    /// clear a value this way (it skips empty ones), so empty values are refused.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "HeatSoftwareDeployment", SupportsShouldProcess = true)]
    [OutputType(typeof(HeatSoftwareDeployment))]
    public sealed class SetHeatSoftwareDeployment : HeatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        [Parameter]
        [ValidateSet("IN_PROGRESS", "COMPLETE", "FAILED")]
        public string Status { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string StatusReason { get; set; }

        /// <summary>What the deployment produced (deploy_stdout, deploy_stderr, deploy_status_code and the config's outputs).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public IDictionary OutputValues { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public IDictionary InputValues { get; set; }

        /// <summary>Another config for the deployment (Heat then pushes the server's new metadata).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ConfigId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Action { get; set; }

        /// <summary>Write the deployment as Heat now has it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private UpdateSoftwareDeploymentRequest _request;

        protected override void BeginProcessing()
        {
            _request = new UpdateSoftwareDeploymentRequest
            {
                Status = Status,
                StatusReason = StatusReason,
                OutputValues = SoftwareSchemas.Values(OutputValues),
                InputValues = SoftwareSchemas.Values(InputValues),
                ConfigId = ConfigId,
                Action = Action,
            };
            if (_request.IsEmpty)
            {
                ThrowTerminatingError(ToErrorRecord(new PSArgumentException(
                    "Nothing to change: give -Status, -StatusReason, -OutputValues, -InputValues, -ConfigId or -Action."), "HeatSoftwareDeployment", null));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in DeploymentId)
            {
                if (!ShouldProcess(id, "Set Heat software deployment")) continue;
                TryItem("HeatSoftwareDeployment", id, () =>
                {
                    var updated = Await(Client.SoftwareDeployments.UpdateAsync(id, _request, CancellationToken));
                    if (PassThru) WriteObject(updated);
                });
            }
        }
    }
}
