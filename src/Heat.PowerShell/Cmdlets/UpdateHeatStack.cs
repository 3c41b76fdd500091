using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Updates stacks: a new template and parameters (PUT), or -Existing to keep the template and
    /// every parameter not given (PATCH; the way to retry a failed stack without resending anything).</para>
    /// <para type="description">-WhatIf shows what Compare-HeatStack shows (Heat's preview joined with a property and
    /// parameter diff; -ShowNested for nested stacks) and changes nothing. -NoReplace refuses an update whose preview
    /// replaces a resource. With -Wait, every stack is waited for at once; a rollback is an error.</para>
    /// </summary>
    [Cmdlet(VerbsData.Update, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStack), typeof(HeatStackDifference))]
    public sealed class UpdateHeatStack : StackActionCmdlet, IDynamicParameters
    {
        public const string ExistingSet = "Existing";

        private readonly StackDefinitionParameters _template = new StackDefinitionParameters();
        private UpdateStackRequest _request;

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile.</summary>
        public object GetDynamicParameters() => _template;

        /// <summary>Keep the stack's template, environment and every parameter not given (PATCH).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExistingSet)]
        public SwitchParameter Existing { get; set; }

        /// <summary>Parameters that go back to their template defaults (with -Existing).</summary>
        [Parameter(ParameterSetName = ExistingSet)]
        [ValidateNotNullOrEmpty]
        public string[] ClearParameter { get; set; }

        /// <summary>With -WhatIf: the nested stacks' changes too.</summary>
        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        /// <summary>With -WhatIf: the resources and parameters that stay as they are, too.</summary>
        [Parameter]
        public SwitchParameter IncludeUnchanged { get; set; }

        /// <summary>Refuse the update when Heat's preview shows a resource would be replaced (a guard for production).</summary>
        [Parameter]
        public SwitchParameter NoReplace { get; set; }

        internal override WaitGoal Goal => WaitGoal.Update;

        protected override string StartedStatus => "UPDATE_IN_PROGRESS";

        protected override string ActionText => "Update Heat stack";

        protected override void ProcessRecord()
        {
            // The template and parameters are read here, on the pipeline thread, once a record; the updates then run
            // concurrently.
            _request = null;
            if (!TryItem("HeatTemplate", _template.Source(this), () => Request())) return;
            if (!IsWhatIf)
            {
                base.ProcessRecord();
                return;
            }
            // -WhatIf: Heat's preview, as objects, and nothing changed.
            foreach (var target in ResolveTargets())
            {
                ShouldProcess(Describe(target), ActionText);
                TryItem("HeatStack", target.ToString(), () =>
                {
                    foreach (var difference in Await(Client.Comparer.CompareAsync(target, Request(), ShowNested, CancellationToken)))
                    {
                        if (IncludeUnchanged || difference.Change != "Unchanged") WriteObject(difference);
                    }
                });
            }
        }

        protected override async Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken)
        {
            var request = Request();
            if (NoReplace)
            {
                var replaced = (await client.Stacks.PreviewUpdateAsync(stack, request, showNested: true, cancellationToken).ConfigureAwait(false))
                    .Where(c => c.Change == "Replaced").ToList();
                if (replaced.Count > 0)
                {
                    throw new HeatReplaceRefusedException(stack, replaced);
                }
            }
            await client.Stacks.UpdateAsync(stack, request, cancellationToken).ConfigureAwait(false);
        }

        private bool IsWhatIf =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && ((SwitchParameter)whatIf).IsPresent) ||
            (!MyInvocation.BoundParameters.ContainsKey("WhatIf") && GetVariableValue("WhatIfPreference") is object preference &&
             LanguagePrimitives.IsTrue(preference));

        /// <summary>The request, built once: the template is read on the pipeline thread, then shared by every stack.</summary>
        private UpdateStackRequest Request() => _request ?? (_request = _template.ToUpdateRequest(this, Existing, ClearParameter));
    }
}
