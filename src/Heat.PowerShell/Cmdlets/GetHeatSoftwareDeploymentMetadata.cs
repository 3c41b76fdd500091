using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets what a server's agent reads: the configs deployed to the server, ordered by name, each in full.</para>
    /// <para type="description">openstack software deployment metadata show. Piped deployments give their servers, each read once.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatSoftwareDeploymentMetadata")]
    [OutputType(typeof(HeatSoftwareConfig))]
    public sealed class GetHeatSoftwareDeploymentMetadata : HeatCmdlet
    {
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ServerId { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var server in ServerId)
            {
                if (!_read.Add(server)) continue;
                TryItem("HeatSoftwareDeploymentMetadata", server, () =>
                {
                    foreach (var config in Await(Client.SoftwareDeployments.GetMetadataAsync(server, CancellationToken))) WriteObject(config);
                });
            }
        }
    }
}
