using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Shows what an update would do, as objects, and changes nothing: each resource Heat's preview
    /// adds, replaces, updates or deletes, which of its properties change from what to what, and which parameters change.</para>
    /// <para type="description">Takes the same template sources as Update-HeatStack (or -Existing with -Parameter). Hidden
    /// (NoEcho) parameters are shown as changed or unchanged, never in clear; Heat does not show their values, so a
    /// hidden parameter given anew is "Unknown". -IncludeUnchanged lists what stays too; -ShowNested adds nested stacks.</para>
    /// </summary>
    [Cmdlet(VerbsData.Compare, "HeatStack", DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStackDifference))]
    public sealed class CompareHeatStack : StackTargetCmdlet, IDynamicParameters
    {
        private readonly StackDefinitionParameters _template = new StackDefinitionParameters();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile, -Tag, -TimeoutMinutes.</summary>
        public object GetDynamicParameters() => _template;

        /// <summary>Compare a PATCH: the stack's template and every parameter not given stay.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UpdateHeatStack.ExistingSet)]
        public SwitchParameter Existing { get; set; }

        [Parameter(ParameterSetName = UpdateHeatStack.ExistingSet)]
        [ValidateNotNullOrEmpty]
        public string[] ClearParameter { get; set; }

        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        [Parameter]
        public SwitchParameter IncludeUnchanged { get; set; }

        protected override void ProcessRecord()
        {
            UpdateStackRequest request = null;
            if (!TryItem("HeatTemplate", _template.Source(this), () => request = _template.ToUpdateRequest(this, Existing, ClearParameter))) return;
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () =>
                {
                    foreach (var difference in Await(Client.Comparer.CompareAsync(stack, request, ShowNested, CancellationToken)))
                    {
                        if (IncludeUnchanged || difference.Change != "Unchanged") WriteObject(difference);
                    }
                });
            }
        }
    }
}
