using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets a software deployment's output values, as objects or as one name-to-value hashtable.</summary>
    /// <remarks>
    /// <para>Heat keeps a deployment's outputs in its output_values once its agent has signalled: deploy_stdout,
    /// deploy_stderr, deploy_status_code and the config's own outputs. Get-HeatSoftwareDeploymentOutput writes them as
    /// HeatSoftwareDeploymentOutput objects (OutputName, OutputValue, DeploymentId, ServerId), by name (<c>openstack
    /// software deployment output show</c>); none before the agent has signalled.</para>
    /// <para>-OutputName picks some (wildcards); a name without wildcards that the deployment lacks is a
    /// HeatSoftwareDeploymentOutputNotFound error. -AsHashtable writes one hashtable per deployment instead.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment -ServerId $serverId | Get-HeatSoftwareDeploymentOutput -OutputName result
    /// </code>
    /// <para>The result output of each deployment to the server.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $out = Get-HeatSoftwareDeploymentOutput $deploymentId -AsHashtable
    /// $out.deploy_status_code
    /// </code>
    /// <para>The exit code the deployment's script reported.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatSoftwareDeploymentOutput")]
    [OutputType(typeof(HeatSoftwareDeploymentOutput), typeof(Hashtable))]
    public sealed class GetHeatSoftwareDeploymentOutput : HeatCmdlet
    {
        /// <summary>The deployments, by id (alias Id); binds piped deployments and strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        /// <summary>The outputs to write; wildcards match. Left out: every output.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] OutputName { get; set; }

        /// <summary>One hashtable of name to value per deployment, for <c>$out.deploy_status_code</c>.</summary>
        [Parameter]
        public SwitchParameter AsHashtable { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in DeploymentId)
            {
                TryItem("HeatSoftwareDeploymentOutput", id, () => Write(id, Await(Client.SoftwareDeployments.GetOutputsAsync(id, CancellationToken))));
            }
        }

        private void Write(string id, IReadOnlyList<HeatSoftwareDeploymentOutput> outputs)
        {
            var filter = new NameFilter(OutputName);
            var chosen = outputs.Where(o => filter.IsMatch(o.OutputName)).ToList();
            foreach (var name in filter.Unmatched)
            {
                WriteError(ToErrorRecord(new ItemNotFoundException($"Output {name} does not exist in deployment {id}."), "HeatSoftwareDeploymentOutput", name));
            }
            if (!AsHashtable)
            {
                foreach (var output in chosen) WriteObject(output);
                return;
            }
            var map = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var output in chosen) map[output.OutputName] = output.OutputValue;
            WriteObject(map);
        }
    }
}
