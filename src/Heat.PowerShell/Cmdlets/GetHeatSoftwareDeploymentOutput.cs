using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets a software deployment's output values (openstack software deployment output show): objects, or a name → value map.</para>
    /// <para type="description">Heat keeps them in the deployment's output_values once its agent has signalled:
    /// deploy_stdout, deploy_stderr, deploy_status_code and the config's own outputs. -OutputName picks some (wildcards);
    /// a name without wildcards that the deployment does not have is an error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatSoftwareDeploymentOutput")]
    [OutputType(typeof(HeatSoftwareDeploymentOutput), typeof(Hashtable))]
    public sealed class GetHeatSoftwareDeploymentOutput : HeatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DeploymentId { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] OutputName { get; set; }

        /// <summary>One hashtable of name → value per deployment, for <c>$out.deploy_status_code</c>.</summary>
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
