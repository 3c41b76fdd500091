using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Creates a stack, or updates it, or leaves it alone: safe to run again and again.</para>
    /// <para type="description">Creates the stack when Heat has none of that name; updates it when Heat's preview of the
    /// template, environment and parameters shows a change (or the stack is in a FAILED state, which an update retries);
    /// does nothing, without error, when the preview shows nothing would change. Writes what it did: Created, Updated or
    /// Unchanged, with the stack and the changes.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStackSetResult))]
    public sealed class SetHeatStack : StackDefinitionCmdlet
    {
        private readonly List<PendingWait> _creates = new List<PendingWait>();
        private readonly List<PendingWait> _updates = new List<PendingWait>();
        private readonly Dictionary<StackRef, HeatStackSetResult> _results = new Dictionary<StackRef, HeatStackSetResult>();

        protected override void ProcessRecord()
        {
            TryItem("HeatStack", StackName, () =>
            {
                var bundle = Definition.LoadWithHooks(this);
                var parameters = Definition.Values(this);
                StackRef existing = null;
                try
                {
                    existing = Await(Client.Stacks.ResolveAsync(StackRef.FromNameOrId(StackName), CancellationToken));
                }
                catch (HeatNotFoundException)
                {
                }
                if (existing == null)
                {
                    Create(bundle, parameters);
                    return;
                }
                var stack = Await(Client.Stacks.GetAsync(existing, CancellationToken, resolveOutputs: false));
                var update = new UpdateStackRequest
                {
                    Template = bundle,
                    Parameters = parameters,
                    TimeoutMinutes = Definition.TimeoutMinutes,
                    DisableRollback = Definition.DisableRollbackValue(this) ?? true,
                    Tags = Definition.Tag,
                };
                var changes = Await(Client.Stacks.PreviewUpdateAsync(existing, update, showNested: false, CancellationToken)).ToArray();
                var changed = changes.Any(c => c.Change != "Unchanged") || stack.IsFailed;
                if (!changed)
                {
                    WriteObject(new HeatStackSetResult("Unchanged", stack, changes));
                    return;
                }
                if (!ShouldProcess(Describe(existing), "Update Heat stack")) return;
                var marker = Wait ? Await(Client.Stacks.NewestEventIdAsync(existing, CancellationToken)) : null;
                Await(Client.Stacks.UpdateAsync(existing, update, CancellationToken));
                stack.StackStatus = "UPDATE_IN_PROGRESS";
                var result = new HeatStackSetResult("Updated", stack, changes);
                if (Wait)
                {
                    _results[existing] = result;
                    _updates.Add(Pending(existing, WaitGoal.Update, TimeSpan.FromMinutes(WaitTimeoutMinutes), marker));
                }
                else
                {
                    WriteObject(result);
                }
            });
        }

        protected override void EndProcessing()
        {
            FinishWaits(_creates, WaitGoal.Create, output: Finished, outputFailed: true);
            FinishWaits(_updates, WaitGoal.Update, output: Finished, outputFailed: true);
        }

        private object Finished(WaitOutcome outcome)
        {
            var result = _results[outcome.Stack];
            return new HeatStackSetResult(result.Operation, outcome.Final, result.Changes);
        }

        private void Create(Heat.Client.Templates.TemplateBundle bundle, Dictionary<string, object> parameters)
        {
            if (!ShouldProcess(StackName, "Create Heat stack")) return;
            var request = NewCreateRequest(bundle, parameters);
            var created = Await(Client.Stacks.CreateAsync(request, CancellationToken));
            var result = new HeatStackSetResult("Created", created, new HeatResourceChange[0]);
            if (Wait)
            {
                var stack = RefOf(created);
                _results[stack] = result;
                _creates.Add(Pending(stack, WaitGoal.Create, TimeSpan.FromMinutes(WaitTimeoutMinutes), isNew: true));
            }
            else
            {
                WriteObject(result);
            }
        }
    }
}
