using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// What defines a stack beyond its template, for the cmdlets that create or change one (New-, Set-, Update-HeatStack):
    /// the template group and tags, Heat's timeout and rollback. A cmdlet offers it as
    /// <see cref="StackDefinitionParameters{TCmdlet}"/>, a type of its own.
    /// </summary>
    public class StackDefinitionParameters : TemplateSourceParameters
    {
        /// <summary>Tags to put on the stack (Heat's tags: plain strings, no commas). Binds by property name (alias
        /// Tags). On an update, the tags given replace the stack's.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        public string[] Tag { get; set; }

        /// <summary>Heat's own limit for the create or update, in minutes: past it Heat marks the stack FAILED (and
        /// rolls back when rollback is on). Left out: Heat's default (60 minutes on most clouds), or on an update the
        /// stack's own.</summary>
        [Parameter]
        [ValidateRange(1, 10080)]
        public int? TimeoutMinutes { get; set; }

        /// <summary>Roll back (delete what was made, or undo the update) when the create or update fails. Off by
        /// default, as in Heat's API and <c>openstack stack create</c>: a failed stack keeps its resources, so the real
        /// cause can be seen (Get-HeatStackFailure).</summary>
        [Parameter]
        public SwitchParameter EnableRollback { get; set; }

        /// <summary>No rollback: the default for a create; kept so that scripts written for earlier versions still run.</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter DisableRollback { get; set; }

        /// <summary>
        /// An update (or its preview) from this definition: the template read now, on the pipeline thread (null with
        /// <paramref name="existing"/> and no template: PATCH keeps the stack's own).
        /// </summary>
        internal UpdateStackRequest ToUpdateRequest(HeatCmdlet cmdlet, bool existing, string[] clearParameters) =>
            ToUpdateRequest(cmdlet, existing, clearParameters, LoadBundle(cmdlet), Values(cmdlet));

        /// <summary>The same, from a template and values already read (Set-HeatStack reads them once, before it knows
        /// whether it creates or updates). Rollback not given keeps the stack's own, as Update-HeatStack does.</summary>
        internal UpdateStackRequest ToUpdateRequest(HeatCmdlet cmdlet, bool existing, string[] clearParameters,
            Heat.Client.Templates.TemplateBundle template, Dictionary<string, object> parameters)
        {
            var request = new UpdateStackRequest
            {
                Existing = existing,
                Template = template,
                Parameters = parameters,
                TimeoutMinutes = TimeoutMinutes,
                DisableRollback = DisableRollbackValue(cmdlet),
                Tags = Tag,
            };
            foreach (var name in clearParameters ?? Array.Empty<string>()) request.ClearParameters.Add(name);
            return request;
        }

        /// <summary>A create (or its preview) of <paramref name="stackName"/> from this definition: rollback off unless
        /// -EnableRollback, as in Heat's API.</summary>
        internal CreateStackRequest ToCreateRequest(HeatCmdlet cmdlet, string stackName, Heat.Client.Templates.TemplateBundle template,
            Dictionary<string, object> parameters)
        {
            var request = new CreateStackRequest
            {
                StackName = stackName,
                Template = template,
                Parameters = parameters,
                DisableRollback = DisableRollbackValue(cmdlet) ?? true,
                TimeoutMinutes = TimeoutMinutes,
            };
            foreach (var tag in Tag ?? Array.Empty<string>()) request.Tags.Add(tag);
            return request;
        }

        /// <summary>Resources that stop before they are created until the hook is cleared (Clear-HeatStackHook): names,
        /// wildcards, or paths into nested stacks such as <c>workers/*/server</c>. Written into the environment's
        /// resource_registry as heatclient writes them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] PreCreateHook { get; set; }

        /// <summary>Resources that stop before they are updated until the hook is cleared (names, wildcards,
        /// nested/paths).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] PreUpdateHook { get; set; }

        /// <summary>Resources that stop before they are deleted until the hook is cleared (names, wildcards,
        /// nested/paths).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] PreDeleteHook { get; set; }

        /// <summary>Resources Heat must never update in place or replace, as a hashtable of resource name (or fnmatch
        /// pattern) to Update, Replace or both: <c>@{ db = 'Replace'; data = 'Update', 'Replace' }</c>. Written into the
        /// environment's resource_registry as restricted_actions, which Heat enforces for the life of the stack (an update
        /// that needs a restricted action fails). Update-HeatStack and Set-HeatStack refuse such an update before sending
        /// it (HeatStackActionRestricted), and Compare-HeatStack and -WhatIf mark its rows Restricted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Hashtable RestrictedAction { get; set; }

        /// <summary>Whether anything is to be written into the environment (hooks, restricted actions): a patch then
        /// sends an environment even without a template.</summary>
        internal bool HasEnvironmentAdditions => PreCreateHook != null || PreUpdateHook != null || PreDeleteHook != null || RestrictedAction != null;

        /// <summary>The template bundle with the hooks and restricted actions written into its environment, as heatclient
        /// writes hooks.</summary>
        internal Heat.Client.Templates.TemplateBundle LoadBundle(HeatCmdlet cmdlet)
        {
            var bundle = HasTemplate ? cmdlet.LoadTemplate(this) : HasEnvironmentAdditions ? new Heat.Client.Templates.TemplateBundle() : null;
            if (bundle == null) return null;
            StackHooks.AddTo(bundle, StackHooks.PreCreate, PreCreateHook);
            StackHooks.AddTo(bundle, StackHooks.PreUpdate, PreUpdateHook);
            StackHooks.AddTo(bundle, StackHooks.PreDelete, PreDeleteHook);
            foreach (DictionaryEntry entry in RestrictedAction ?? new Hashtable())
            {
                var actions = LanguagePrimitives.ConvertTo<string[]>(entry.Value) ?? Array.Empty<string>();
                RestrictedActions.AddTo(bundle, LanguagePrimitives.ConvertTo<string>(entry.Key), actions);
            }
            return bundle;
        }

        /// <summary>disable_rollback as asked: null when neither switch was given (an update then keeps the stack's own).</summary>
        internal bool? DisableRollbackValue(HeatCmdlet cmdlet)
        {
            if (EnableRollback && DisableRollback)
            {
                cmdlet.ThrowTerminatingError(ErrorCatalog.Usage("HeatRollbackConflict", "-EnableRollback and -DisableRollback contradict each other."));
            }
            return EnableRollback ? false : DisableRollback ? true : (bool?)null;
        }
    }
}
