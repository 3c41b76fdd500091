using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Updates stacks with a new template and parameters, or with -Existing keeps the template and changes
    /// only what is given.</summary>
    /// <remarks>
    /// <para>Update-HeatStack sends a full update (PUT: the new template, environment and parameters; a parameter not
    /// given goes back to its default) or, with -Existing, a patch (PATCH: the stack keeps its template, environment
    /// and every parameter not given; -Parameter changes some, -ClearParameter resets some). -Existing with nothing
    /// else retries a failed update without resending anything.</para>
    /// <para>-WhatIf changes nothing and writes what Compare-HeatStack writes: Heat's preview of the update as
    /// HeatStackDifference rows (each resource added, replaced, updated or deleted, and each property and parameter
    /// that changes). -NoReplace refuses an update whose preview replaces a resource: a guard for production
    /// data.</para>
    /// <para>Stacks given by wildcard or pipeline are updated concurrently (-ThrottleLimit). With -Wait, all are waited
    /// for at once; a stack that ends UPDATE_FAILED, or rolled back, is an error record with Heat's reasons. Without
    /// -Wait and -PassThru nothing is written. Confirmation follows ConfirmImpact Medium; -Force skips it.</para>
    /// <para>Each parameter of a template named on the command line (-TemplatePath or -Template) is also a parameter
    /// of this cmdlet, typed and checked as Heat checks it: <c>-count 3 -flavor large</c>. A name the cmdlet already has is
    /// &lt;name&gt;FromTemplate (-tagFromTemplate); -Parameter still takes every one. See
    /// about_Heat.PowerShell_Templates.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Update-HeatStack web-prod -TemplatePath ./web.yaml -Parameter @{ count = 4 } -WhatIf
    /// </code>
    /// <para>Shows, as objects, what the update would add, replace, change and delete, and changes nothing.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Update-HeatStack web-prod -TemplatePath ./web.yaml -Parameter @{ count = 4 } -NoReplace -Wait -PassThru
    /// </code>
    /// <para>Updates the stack unless Heat would replace a resource, waits for UPDATE_COMPLETE and writes the
    /// stack.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Update-HeatStack web-prod -Existing -Parameter @{ image = 'debian-12' } -Wait
    /// </code>
    /// <para>Changes one parameter and keeps the template, environment and other parameters as they are.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Update-HeatStack web-prod -Existing -Converge -Wait
    /// </code>
    /// <para>Repairs what was changed behind Heat's back: Heat compares each resource's live state with the template
    /// and updates what drifted.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Status UPDATE_FAILED | Update-HeatStack -Existing -Force -Wait
    /// </code>
    /// <para>Retries every failed update, without asking, and waits for them all at once.</para>
    /// </example>
    [Cmdlet(VerbsData.Update, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStack), typeof(HeatStackDifference))]
    public sealed class UpdateHeatStack : StackActionCmdlet, IDynamicParameters
    {
        public const string ExistingSet = "Existing";

        private readonly TemplateParameterGroup<StackDefinitionParameters<UpdateHeatStack>> _definition =
            new TemplateParameterGroup<StackDefinitionParameters<UpdateHeatStack>>();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile, and the
        /// template's own parameters, none mandatory: the stack's own environment or the cloud's may give a value, and
        /// Heat's preview and update say what is missing, as they did before these parameters existed.</summary>
        public object GetDynamicParameters() => _definition.Parameters(this, valuesRequired: false);

        /// <summary>The definition as bound for this record.</summary>
        private StackDefinitionParameters Definition => _definition.Bound();

        /// <summary>Patch instead of replace (PATCH): keep the stack's template, environment and every parameter not
        /// given. With no template and no parameter, the update is retried as it was.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExistingSet)]
        public SwitchParameter Existing { get; set; }

        /// <summary>With -Existing: parameters that go back to their template defaults.</summary>
        [Parameter(ParameterSetName = ExistingSet)]
        [ValidateNotNullOrEmpty]
        public string[] ClearParameter { get; set; }

        /// <summary>With -WhatIf: the changes in nested stacks too.</summary>
        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        /// <summary>With -WhatIf: the resources and parameters that stay as they are, too.</summary>
        [Parameter]
        public SwitchParameter IncludeUnchanged { get; set; }

        /// <summary>Refuse the update (HeatStackReplaceRefused, nothing changed) when Heat's preview shows a resource
        /// would be replaced, which loses its data: a guard for production.</summary>
        [Parameter]
        public SwitchParameter NoReplace { get; set; }

        /// <summary>Heat's "observe reality" update: each resource's live state is compared with its template, and what
        /// changed behind Heat's back is repaired, for the types that read live state (Keystone, Nova servers and
        /// flavors, Neutron routers and others; not OS::Heat::*). The preview (-WhatIf) does not read live state, so it
        /// cannot show drift.</summary>
        [Parameter]
        public SwitchParameter Converge { get; set; }

        internal override WaitGoal Goal => WaitGoal.Update;

        protected override string ActionText => "Update Heat stack";

        protected override void ProcessRecord()
        {
            if (!IsWhatIf)
            {
                base.ProcessRecord();
                return;
            }
            // -WhatIf: Heat's preview, as objects, and nothing changed.
            UpdateStackRequest request = null;
            if (!TryItem(CaptureNoun, CaptureTarget, () => request = NewRequest())) return;
            bool showNested = ShowNested, includeUnchanged = IncludeUnchanged;
            foreach (var target in ResolveTargets())
            {
                ShouldAct(Describe(target), ActionText);
                TryItem("HeatStack", target.ToString(), () =>
                {
                    DifferenceRows.Write(this, Await(Client.Comparer.CompareAsync(target, request, showNested, CancellationToken)), includeUnchanged);
                });
            }
        }

        internal override string CaptureNoun => "HeatTemplate";

        internal override object CaptureTarget => Definition.Source(this);

        /// <summary>The template and parameters are read here, on the pipeline thread, once a record; the updates of the
        /// stacks it names then run concurrently, each with this record's request.</summary>
        internal override SendStack CaptureSend() => Send(NewRequest(), NoReplace);

        private static SendStack Send(UpdateStackRequest request, bool noReplace) => async (client, stack, cancellationToken) =>
        {
            await RefuseRestrictedAsync(client, stack, request, cancellationToken).ConfigureAwait(false);
            if (noReplace)
            {
                var replaced = (await client.Stacks.PreviewUpdateAsync(stack, request, showNested: true, cancellationToken).ConfigureAwait(false))
                    .Where(c => c.Change == "Replaced").ToList();
                if (replaced.Count > 0)
                {
                    throw new HeatReplaceRefusedException(stack, replaced);
                }
            }
            await client.Stacks.UpdateAsync(stack, request, cancellationToken).ConfigureAwait(false);
            return new Sent(stack);
        };

        /// <summary>An update Heat would fail part way, on a resource whose restricted_actions forbid the change, is not
        /// sent. Nothing is read when nothing is restricted.</summary>
        internal static async System.Threading.Tasks.Task RefuseRestrictedAsync(HeatClient client, StackRef stack, UpdateStackRequest request,
            System.Threading.CancellationToken cancellationToken)
        {
            var refused = await client.Comparer.RefusedChangesAsync(stack, request, cancellationToken).ConfigureAwait(false);
            if (refused.Count > 0) throw new HeatActionRestrictedException(stack, refused);
        }

        private UpdateStackRequest NewRequest()
        {
            var request = Definition.ToUpdateRequest(this, Existing, ClearParameter);
            request.Converge = Converge;
            return request;
        }
    }
}
