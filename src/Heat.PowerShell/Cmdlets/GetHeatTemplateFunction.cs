using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists the intrinsic functions a template version may use.</summary>
    /// <remarks>
    /// <para>Get-HeatTemplateFunction writes a HeatTemplateFunction (Function, Description, TemplateVersion) for each
    /// function of the version (<c>openstack orchestration template function list</c>). -Version is Heat's name for the
    /// version (heat_template_version.2018-08-31, AWSTemplateFormatVersion.2010-09-09, or an alias such as
    /// heat_template_version.rocky); a version without a dot is taken as a HOT one (2018-08-31, rocky). -WithConditions
    /// adds the functions of the conditions section (equals, not, and, or ...). -Function filters by name.</para>
    /// <para>A version Heat does not know is a HeatTemplateVersionNotFound error. Heat 19 keeps the condition functions
    /// in a version's plain list once any client asked for them (until heat-engine restarts), so without
    /// -WithConditions the list can be longer than the version's own functions.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatTemplateFunction 2018-08-31 -WithConditions
    /// </code>
    /// <para>Every function a heat_template_version 2018-08-31 template may use, conditions included.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatTemplateFunction heat_template_version.2021-04-16 -Function *str*
    /// </code>
    /// <para>The string functions of the 2021-04-16 version.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatTemplateFunction")]
    [OutputType(typeof(HeatTemplateFunction))]
    public sealed class GetHeatTemplateFunction : HeatCmdlet
    {
        private const string HotPrefix = "heat_template_version.";

        /// <summary>The template versions, as Heat names them (heat_template_version.2018-08-31) or just the date or
        /// alias of a HOT version (2018-08-31, rocky). Binds piped versions (Get-HeatTemplateVersion) and
        /// strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TemplateVersion")]
        [ValidateNotNullOrEmpty]
        public string[] Version { get; set; }

        /// <summary>Only these functions; wildcards match their names.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Function { get; set; }

        /// <summary>Also the functions a template's conditions section may use (equals, not, and, or, contains
        /// ...).</summary>
        [Parameter]
        public SwitchParameter WithConditions { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var given in Version)
            {
                var version = given.IndexOf('.') < 0 ? HotPrefix + given : given;
                TryItem("HeatTemplateVersion", version, () =>
                {
                    var filter = new NameFilter(Function);
                    foreach (var function in Await(Client.TemplateVersions.ListFunctionsAsync(version, WithConditions, CancellationToken)))
                    {
                        if (filter.IsMatch(function.Function)) WriteObject(function);
                    }
                    filter.WriteUnmatched(this, "HeatTemplateFunction", name => $"Template version {version} has no function '{name}'.");
                });
            }
        }
    }
}
