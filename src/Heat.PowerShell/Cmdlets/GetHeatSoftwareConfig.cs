using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Gets software configs by id, in full, or lists them.</summary>
    /// <remarks>
    /// <para>With -ConfigId (or piped configs and deployments), Get-HeatSoftwareConfig reads each config in full
    /// (<c>openstack software config show</c>): Id, Name, Group, Config (the script or data), Inputs, Outputs, Options
    /// and CreationTime. Without it, it lists every config, every page, newest first as Heat lists them (<c>openstack
    /// software config list</c>); -Name filters the list (wildcards), and -Detailed reads each listed config in full,
    /// since Heat's list has no script, inputs, outputs or options.</para>
    /// <para>A missing id is a non-terminating HeatSoftwareConfigNotFound error; so is a -Name without wildcards that
    /// matches nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareConfig -Name deploy* -Detailed
    /// </code>
    /// <para>The configs whose names start with deploy, each in full.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-HeatSoftwareConfig $configId).Config
    /// </code>
    /// <para>The script of one config.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatSoftwareDeployment -ServerId $serverId | Get-HeatSoftwareConfig
    /// </code>
    /// <para>The configs deployed to a server, through its deployments.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatSoftwareConfig", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(HeatSoftwareConfig))]
    public sealed class GetHeatSoftwareConfig : HeatCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Ids (also from a piped config or deployment). Given but null or empty: an error, never the list.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] ConfigId { get; set; }

        /// <summary>Names to list (wildcards); a name without wildcards that matches nothing is an error.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Name { get; set; }

        /// <summary>With a list: read each config in full (one more request per config).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in ConfigId)
                {
                    TryItem("HeatSoftwareConfig", id, () => WriteObject(Await(Client.SoftwareConfigs.GetAsync(id, CancellationToken))));
                }
                return;
            }
            var filter = new NameFilter(Name);
            var listed = TryItem("HeatSoftwareConfig", null, () =>
            {
                foreach (var config in Stream(Client.SoftwareConfigs.List(new SoftwareConfigListOptions(), CancellationToken)))
                {
                    if (!filter.IsMatch(config.Name)) continue;
                    if (!Detailed)
                    {
                        WriteObject(config);
                        continue;
                    }
                    TryItem("HeatSoftwareConfig", config.Id, () => WriteObject(Await(Client.SoftwareConfigs.GetAsync(config.Id, CancellationToken))));
                }
            });
            if (!listed) return;
            foreach (var name in filter.Unmatched)
            {
                WriteError(ToErrorRecord(new ItemNotFoundException($"No software config is named '{name}'."), "HeatSoftwareConfig", name));
            }
        }
    }
}
