using System.Collections;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Deploys a software config to a server.</summary>
    /// <remarks>
    /// <para>New-HeatSoftwareDeployment creates a deployment (<c>openstack software deployment create</c>): the config
    /// -ConfigId for the server -ServerId, with -InputValues for the config's inputs (kept typed: numbers stay
    /// numbers). It stays IN_PROGRESS until the server's agent, or Set-HeatSoftwareDeployment, reports a result. Heat
    /// stores the server id as given, without asking Nova.</para>
    /// <para>Unlike <c>openstack software deployment create</c>, which makes a derived config of its own for each
    /// deployment, this deploys the config you name, so removing the deployment leaves your config. A piped config
    /// gives -ConfigId. It writes the new HeatSoftwareDeployment.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $config | New-HeatSoftwareDeployment -ServerId $serverId -InputValues @{ greeting = 'hi'; port = 8080 }
    /// </code>
    /// <para>Deploys a config to a server with two input values.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatSoftwareDeployment -ServerId $serverId -ConfigId $configId -Status COMPLETE -StatusReason 'applied by hand'
    /// </code>
    /// <para>Records a deployment that is already done.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "HeatSoftwareDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HeatSoftwareDeployment))]
    public sealed class NewHeatSoftwareDeployment : HeatCmdlet
    {
        /// <summary>The server (a Nova id: Heat keeps at most 36 characters, a database error past that).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 36)]
        public string ServerId { get; set; }

        /// <summary>The config to deploy. Binds by property name, so a piped config (Get-HeatSoftwareConfig,
        /// New-HeatSoftwareConfig) gives its id.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConfigId { get; set; }

        /// <summary>Values for the config's inputs (kept typed: numbers stay numbers).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary InputValues { get; set; }

        /// <summary>UPDATE when left out, as openstack software deployment create; CREATE, DELETE, SUSPEND, RESUME or your own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DeploymentActionCompleter))]
        public string Action { get; set; }

        /// <summary>IN_PROGRESS when left out: the server has still to run it.</summary>
        [Parameter]
        [ValidateSet(HeatStatuses.InProgress, HeatStatuses.Complete, HeatStatuses.Failed)]
        public string Status { get; set; }

        /// <summary>Why the deployment has its status, in words.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string StatusReason { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldAct($"server {ServerId}", $"Deploy Heat software config {ConfigId}")) return;
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
