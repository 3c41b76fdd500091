using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Changes software deployments: reports a result as a server's agent does, or changes the config or input
    /// values.</summary>
    /// <remarks>
    /// <para>Set-HeatSoftwareDeployment sends what a server's agent sends to report a result (<c>PUT
    /// /software_deployments/{id}</c>): -Status (COMPLETE, FAILED), -StatusReason and -OutputValues (deploy_stdout,
    /// deploy_stderr, deploy_status_code and the config's outputs; they replace the outputs as a whole). It can also
    /// change -InputValues, -ConfigId and -Action. Only what is given changes.</para>
    /// <para>Nothing to change is a terminating HeatSoftwareDeploymentArgumentInvalid error, and so is an empty value:
    /// Heat skips empty values, so it cannot clear one this way. The request sets values, so after a transient failure
    /// it is sent again. -PassThru writes the deployment as Heat then has it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment -ServerId $serverId | Set-HeatSoftwareDeployment -Status COMPLETE -OutputValues @{ result = 'ok'; deploy_status_code = 0 }
    /// </code>
    /// <para>Reports every deployment to the server as done, with its outputs, as the agent would.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-HeatSoftwareDeployment $deploymentId -Status FAILED -StatusReason 'disk full' -PassThru
    /// </code>
    /// <para>Marks a deployment failed and shows it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "HeatSoftwareDeployment", SupportsShouldProcess = true)]
    [OutputType(typeof(HeatSoftwareDeployment))]
    public sealed class SetHeatSoftwareDeployment : HeatCmdlet
    {
        /// <summary>The deployments to change, by id (alias Id); binds piped deployments and strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        /// <summary>The new status: IN_PROGRESS, COMPLETE or FAILED.</summary>
        [Parameter]
        [ValidateSet(HeatStatuses.InProgress, HeatStatuses.Complete, HeatStatuses.Failed)]
        public string Status { get; set; }

        /// <summary>Why the deployment has its status, in words.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string StatusReason { get; set; }

        /// <summary>What the deployment produced (deploy_stdout, deploy_stderr, deploy_status_code and the config's outputs).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public IDictionary OutputValues { get; set; }

        /// <summary>New values for the config's inputs (they replace the deployment's input values).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public IDictionary InputValues { get; set; }

        /// <summary>Another config for the deployment (Heat then pushes the server's new metadata).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ConfigId { get; set; }

        /// <summary>The deployment's action: CREATE, UPDATE, DELETE, SUSPEND, RESUME or your own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DeploymentActionCompleter))]
        public string Action { get; set; }

        /// <summary>Write the deployment as Heat now has it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private UpdateSoftwareDeploymentRequest _request;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
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
                if (!ShouldAct(id, "Set Heat software deployment")) continue;
                TryItem("HeatSoftwareDeployment", id, () =>
                {
                    var updated = Await(Client.SoftwareDeployments.UpdateAsync(id, _request, CancellationToken));
                    if (PassThru) WriteObject(updated);
                });
            }
        }
    }
}
