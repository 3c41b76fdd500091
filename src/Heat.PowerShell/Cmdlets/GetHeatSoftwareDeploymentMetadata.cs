using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets what a server's agent reads: the configs deployed to the server, each in full.</summary>
    /// <remarks>
    /// <para>Get-HeatSoftwareDeploymentMetadata reads Heat's metadata of a server (<c>openstack software deployment
    /// metadata show</c>): one HeatSoftwareConfig per deployment to it, in full, with the input values the deployment
    /// gives, ordered by config name as Heat orders them. Piped deployments give their servers, each read once.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeploymentMetadata $serverId
    /// </code>
    /// <para>What the agent of that server would run.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment | Get-HeatSoftwareDeploymentMetadata | Format-Table Name, Group
    /// </code>
    /// <para>The configs deployed to every server that has a deployment.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatSoftwareDeploymentMetadata")]
    [OutputType(typeof(HeatSoftwareConfig))]
    public sealed class GetHeatSoftwareDeploymentMetadata : HeatCmdlet
    {
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The servers, by id. Binds strings and the ServerId of piped deployments.</summary>
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
