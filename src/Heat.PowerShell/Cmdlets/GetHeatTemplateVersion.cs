using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the template versions Heat reads (HOT and CFN), with their aliases.</para>
    /// <para type="description">-Version matches versions and aliases as wildcards (*2018*, *rocky); -Type hot or cfn.
    /// A version pipes into Get-HeatTemplateFunction.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatTemplateVersion")]
    [OutputType(typeof(HeatTemplateVersion))]
    public sealed class GetHeatTemplateVersion : HeatCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Version { get; set; }

        [Parameter]
        [ValidateSet("hot", "cfn", IgnoreCase = true)]
        public string Type { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = (Version ?? new[] { "*" }).Select(Wildcards.Pattern).ToList();
            TryItem("HeatTemplateVersion", null, () =>
            {
                foreach (var version in Await(Client.TemplateVersions.ListAsync(CancellationToken)))
                {
                    if (Type != null && !string.Equals(Type, version.Type, StringComparison.OrdinalIgnoreCase)) continue;
                    var names = new[] { version.Version }.Concat(version.Aliases ?? new string[0]).Where(n => n != null);
                    if (names.Any(n => patterns.Any(p => p.IsMatch(n)))) WriteObject(version);
                }
            });
        }
    }
}
