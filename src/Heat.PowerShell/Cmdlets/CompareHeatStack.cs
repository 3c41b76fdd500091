using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Shows what an update, or the create of a stack that does not exist yet, would change, as objects, and
    /// changes nothing.</summary>
    /// <remarks>
    /// <para>Compare-HeatStack asks Heat for a preview of the update (the same request Update-HeatStack would send, to
    /// the preview route) and joins it with a diff of the template Heat holds against the new one. It writes one
    /// HeatStackDifference per change: each resource Heat would add, replace, update or delete, one row per property
    /// that changes (Property, Before, After), and each parameter that changes.</para>
    /// <para>Hidden (NoEcho) parameters are never shown in clear: a changed one is "(hidden)" with Changed or Unchanged
    /// when that can be known, Unknown when Heat's masked value cannot tell. -IncludeUnchanged writes what stays too;
    /// -ShowNested reaches into nested stacks. <c>Update-HeatStack -WhatIf</c> writes the same rows.</para>
    /// <para>For a name Heat has no stack of, it previews the create instead (Heat's create preview): an Added row per
    /// resource the template would make (with -ShowNested, the nested stacks' resources too) and per parameter, with
    /// the value it would take. Nothing is created; <c>New-HeatStack -WhatIf</c> writes the same rows.</para>
    /// <para>Each parameter of a template named on the command line (-TemplatePath or -Template) is also a parameter
    /// of this cmdlet, typed and checked as Heat checks it: <c>-count 3 -flavor large</c>. A name the cmdlet already has is
    /// &lt;name&gt;FromTemplate (-tagFromTemplate); -Parameter still takes every one. See
    /// about_Heat.PowerShell_Templates.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Compare-HeatStack web-prod -TemplatePath ./web.yaml -EnvironmentPath ./env/prod.yaml
    /// </code>
    /// <para>Lists what updating web-prod to this template and environment would change.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Compare-HeatStack web-prod -Existing -Parameter @{ count = 5 } | Where-Object Change -eq Replaced
    /// </code>
    /// <para>Whether raising count to 5 would replace any resource.</para>
    /// </example>
    [Cmdlet(VerbsData.Compare, "HeatStack", DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStackDifference))]
    public sealed class CompareHeatStack : StackTargetCmdlet, IDynamicParameters
    {
        private readonly TemplateParameterGroup<StackDefinitionParameters<CompareHeatStack>> _definition =
            new TemplateParameterGroup<StackDefinitionParameters<CompareHeatStack>>();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile, -Tag, -TimeoutMinutes.</summary>
        /// <remarks>None of the template's parameters is mandatory, as for Update-HeatStack.</remarks>
        public object GetDynamicParameters() => _definition.Parameters(this, valuesRequired: false);

        /// <summary>Compare a patch (as Update-HeatStack -Existing): the stack's template, environment and every
        /// parameter not given stay.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UpdateHeatStack.ExistingSet)]
        public SwitchParameter Existing { get; set; }

        /// <summary>With -Existing: parameters that would go back to their template defaults.</summary>
        [Parameter(ParameterSetName = UpdateHeatStack.ExistingSet)]
        [ValidateNotNullOrEmpty]
        public string[] ClearParameter { get; set; }

        /// <summary>Include the changes in nested stacks.</summary>
        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        /// <summary>Also write the resources and parameters that would stay as they are.</summary>
        [Parameter]
        public SwitchParameter IncludeUnchanged { get; set; }

        protected override void ProcessRecord()
        {
            var definition = _definition.Bound();
            UpdateStackRequest request = null;
            Heat.Client.Templates.TemplateBundle bundle = null;
            Dictionary<string, object> values = null;
            if (!TryItem("HeatTemplate", definition.Source(this), () =>
            {
                bundle = definition.LoadBundle(this);
                values = definition.Values(this);
                request = definition.ToUpdateRequest(this, Existing, ClearParameter, bundle, values);
            })) return;
            bool showNested = ShowNested, includeUnchanged = IncludeUnchanged;
            foreach (var stack in ResolveTargets())
            {
                TryItem("HeatStack", stack.ToString(), () =>
                {
                    IEnumerable<HeatStackDifference> rows;
                    // A name alone is looked up once here; the comparison then goes to the name and id found.
                    var found = Existing || stack.StackId != null || bundle == null ? stack : Find(stack);
                    if (found == null)
                    {
                        WriteVerbose($"Heat has no stack named '{stack.StackName}': this is what creating it would make.");
                        rows = Await(Client.Comparer.CompareCreateAsync(definition.ToCreateRequest(this, stack.StackName, bundle, values), showNested, CancellationToken));
                    }
                    else
                    {
                        rows = Await(Client.Comparer.CompareAsync(found, request, showNested, CancellationToken));
                    }
                    DifferenceRows.Write(this, rows, includeUnchanged);
                });
            }
        }

        /// <summary>The stack's name and id, or null when Heat has no stack of that name.</summary>
        private StackRef Find(StackRef stack)
        {
            try
            {
                return Await(Client.Stacks.ResolveAsync(stack, CancellationToken));
            }
            catch (HeatNotFoundException)
            {
                return null;
            }
        }
    }
}
