using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the intrinsic functions a template version may use; -WithConditions adds those of its conditions section.</para>
    /// <para type="description">-Version as Heat names it (heat_template_version.2018-08-31,
    /// AWSTemplateFormatVersion.2010-09-09, an alias such as heat_template_version.rocky); a version without a dot is
    /// taken as a HOT one (2018-08-31, rocky). Piped versions (Get-HeatTemplateVersion) give theirs. -Function filters
    /// by name (wildcards).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatTemplateFunction")]
    [OutputType(typeof(HeatTemplateFunction))]
    public sealed class GetHeatTemplateFunction : HeatCmdlet
    {
        private const string HotPrefix = "heat_template_version.";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TemplateVersion")]
        [ValidateNotNullOrEmpty]
        public string[] Version { get; set; }

        /// <summary>Function names; wildcards match.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Function { get; set; }

        /// <summary>Also the functions a template's conditions section may use (equals, not, and, or, contains ...).</summary>
        [Parameter]
        public SwitchParameter WithConditions { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = (Function ?? new[] { "*" }).Select(Wildcards.Pattern).ToList();
            foreach (var given in Version)
            {
                var version = given.IndexOf('.') < 0 ? HotPrefix + given : given;
                TryItem("HeatTemplateVersion", version, () =>
                {
                    foreach (var function in Await(Client.TemplateVersions.ListFunctionsAsync(version, WithConditions, CancellationToken)))
                    {
                        if (patterns.Any(p => p.IsMatch(function.Function ?? string.Empty))) WriteObject(function);
                    }
                });
            }
        }
    }
}
