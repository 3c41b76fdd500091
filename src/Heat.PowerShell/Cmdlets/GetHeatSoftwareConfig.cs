using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets software configs by id (in full), or lists them (every page), by name if asked.</para>
    /// <para type="description">Heat's list gives id, name, group and creation time; -Detailed reads each listed config in
    /// full (script, inputs, outputs, options). A piped deployment gives its config.</para>
    /// </summary>
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
