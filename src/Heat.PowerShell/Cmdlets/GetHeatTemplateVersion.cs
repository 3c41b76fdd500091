using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists the template versions Heat reads, HOT and CloudFormation, with their aliases.</summary>
    /// <remarks>
    /// <para>Get-HeatTemplateVersion writes a HeatTemplateVersion per version Heat knows (<c>openstack orchestration
    /// template version list</c>): Version (heat_template_version.2018-08-31), Type (hot or cfn) and Aliases
    /// (heat_template_version.rocky). -Version matches versions and aliases as wildcards; -Type keeps one kind. A
    /// version pipes into Get-HeatTemplateFunction.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatTemplateVersion -Type hot
    /// </code>
    /// <para>The HOT versions this cloud reads.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatTemplateVersion *rocky | Get-HeatTemplateFunction
    /// </code>
    /// <para>The functions a template of the rocky version may use.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatTemplateVersion")]
    [OutputType(typeof(HeatTemplateVersion))]
    public sealed class GetHeatTemplateVersion : HeatCmdlet
    {
        /// <summary>Versions to list; wildcards match versions and their aliases (*2018*, *rocky). Left out: every
        /// version.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Version { get; set; }

        /// <summary>Only hot (heat_template_version) or cfn (AWSTemplateFormatVersion) versions.</summary>
        [Parameter]
        [ValidateSet("hot", "cfn", IgnoreCase = true)]
        public string Type { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Version);
            TryItem("HeatTemplateVersion", null, () =>
            {
                foreach (var version in Await(Client.TemplateVersions.ListAsync(CancellationToken)))
                {
                    if (Type != null && !string.Equals(Type, version.Type, StringComparison.OrdinalIgnoreCase)) continue;
                    var names = new[] { version.Version }.Concat(version.Aliases ?? Array.Empty<string>()).Where(n => n != null).ToList();
                    // Every name is offered to the filter, so that one matched by an alias counts as found.
                    if (names.Select(filter.IsMatch).ToList().Any(m => m)) WriteObject(version);
                }
                filter.WriteUnmatched(this, "HeatTemplateVersion", name => $"Heat has no template version '{name}' (Get-HeatTemplateVersion lists them).");
            });
        }
    }
}
