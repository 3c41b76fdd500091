using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Insight;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Creates a stack, updates it, or leaves it alone: safe to run again and again.</summary>
    /// <remarks>
    /// <para>Set-HeatStack makes a stack look like its definition. When Heat has no stack of that name it creates one.
    /// When it has, it compares what a full update would send with what Heat holds for the stack: the template, the
    /// files (child templates, get_file), the environment with the parameters, the tags, and the timeout and rollback
    /// when given. It updates only when something differs (or when the stack is FAILED, which an update retries); when
    /// nothing differs it does nothing and is not an error, even for templates with a ResourceGroup, provider templates
    /// or get_attr, which Heat's preview flags on every run. A deployment script can therefore run it every time.
    /// -Verbose says what differed.</para>
    /// <para>The tags are part of the definition: without -Tag, an update removes the stack's tags (Heat's full update
    /// does). The files are named by the absolute paths they were read from, so running from another folder is a
    /// difference, and updates the stack once.</para>
    /// <para>A hidden parameter (hidden: true) given with -Parameter, or in an environment file's parameters section,
    /// cannot be compared: Heat holds it where it shows it only as ******. Set-HeatStack then counts it as a difference
    /// and updates, rather than risk leaving a changed password unsent. A hidden value that comes from the template's
    /// default or from an environment file's parameter_defaults is compared, through the template and files Heat
    /// shows.</para>
    /// <para>It writes a HeatStackSetResult per stack: Operation (Created, Updated or Unchanged), the Stack, the
    /// Differences that made it update, and the Changes Heat's preview showed. With -Wait, creates and updates are
    /// waited for at once, and a stack that fails is an error record with Heat's reasons. -WhatIf changes nothing: it
    /// says which stacks would be created or updated and writes Heat's preview as HeatStackDifference rows: a create's
    /// as New-HeatStack -WhatIf does, an update's for a stack that differs as Update-HeatStack -WhatIf does.</para>
    /// <para>Each parameter of a template named on the command line (-TemplatePath or -Template) is also a parameter
    /// of this cmdlet, typed and checked as Heat checks it: <c>-count 3 -flavor large</c>. A name the cmdlet already has is
    /// &lt;name&gt;FromTemplate (-tagFromTemplate); -Parameter still takes every one. See
    /// about_Heat.PowerShell_Templates.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Set-HeatStack web-prod -TemplatePath ./web.yaml -EnvironmentPath ./env/prod.yaml -Wait
    /// </code>
    /// <para>Creates web-prod the first time, updates it when the files changed, and otherwise says Unchanged.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Import-Csv stacks.csv | Set-HeatStack -TemplatePath ./web.yaml -Wait | Where-Object Operation -ne Unchanged
    /// </code>
    /// <para>Brings every stack of the list to the template and shows only those that were created or updated.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-HeatStack web-prod -TemplatePath ./web.yaml -Converge -Wait
    /// </code>
    /// <para>Brings web-prod to the template and also repairs what was changed behind Heat's back (Heat's converge),
    /// even when the template is what Heat holds.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-HeatStack web-prod -TemplatePath ./web.yaml -Tag prod -WhatIf
    /// </code>
    /// <para>Says whether web-prod would be created or updated, and why, and writes the resources Heat's preview shows
    /// changing; changes nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStackSetResult), typeof(HeatStackDifference))]
    public sealed class SetHeatStack : StackDefinitionCmdlet
    {
        /// <summary>Update with Heat's "observe reality" (converge) even when the definition is what Heat holds: each
        /// resource's live state is compared with the template and what drifted is repaired (Keystone, Nova servers and
        /// flavors, Neutron routers and others; not OS::Heat::*). The result is Updated, with "converge" among the
        /// Differences. A stack that does not exist is created as usual.</summary>
        [Parameter]
        public SwitchParameter Converge { get; set; }

        protected override void ProcessRecord()
        {
            TryItem("HeatStack", StackName, () =>
            {
                var bundle = Definition.LoadBundle(this);
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
                // The same update Update-HeatStack builds from the same parameters.
                var update = Definition.ToUpdateRequest(this, existing: false, clearParameters: null, bundle, parameters);
                update.Converge = Converge;
                var comparison = Await(new DefinitionComparer(Client).CompareAsync(stack, update, CancellationToken));
                if (!comparison.Differs && !stack.IsFailed && !Converge)
                {
                    WriteVerbose($"{Describe(existing)}: Heat holds this definition already; not updated.");
                    var unchanged = new HeatStackSetResult("Unchanged", stack, Array.Empty<HeatResourceChange>());
                    Start(new StackOperation("Leave Heat stack unchanged", existing, StackName, (client, target, token) => Task.FromResult(new Sent(target)))
                    {
                        Started = sent => unchanged,
                    }, ThrottleLimit);
                    return;
                }
                // A FAILED stack is updated again even when Heat holds this definition: the update is the retry.
                var reasons = comparison.Differs ? comparison.Differences : new[] { stack.IsFailed ? $"{stack.StackStatus}: retry" : "converge" };
                if (Converge && comparison.Differs) reasons = reasons.Append("converge").ToArray();
                var why = comparison.Differs ? "differs: " + string.Join("; ", reasons) : reasons[0];
                WriteVerbose($"{Describe(existing)}: {why}");
                var action = $"Update Heat stack ({why})";
                if (IsWhatIf)
                {
                    // As Update-HeatStack -WhatIf: Heat's preview as rows, and nothing changed.
                    ShouldAct(Describe(existing), action);
                    DifferenceRows.Write(this, Await(Client.Comparer.CompareAsync(existing, update, showNested: false, CancellationToken)), includeUnchanged: false);
                    return;
                }
                var changes = Await(Client.Stacks.PreviewUpdateAsync(existing, update, showNested: false, CancellationToken)).ToArray();
                if (!ShouldAct(Describe(existing), action)) return;
                stack.StackStatus = WaitGoal.Update.Started;
                Start(new StackOperation("Update Heat stack", existing, StackName, async (client, target, token) =>
                {
                    await UpdateHeatStack.RefuseRestrictedAsync(client, target, update, token).ConfigureAwait(false);
                    await client.Stacks.UpdateAsync(target, update, token).ConfigureAwait(false);
                    return new Sent(target, new HeatStackSetResult("Updated", stack, changes, reasons));
                })
                {
                    Goal = Wait ? WaitGoal.Update : null,
                    WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                    Started = sent => sent.Made,
                    Finished = Finished,
                    WriteFailed = true,
                }, ThrottleLimit);
            });
        }

        private static object Finished(IOperationHost host, Sent sent, HeatStack final)
        {
            var result = (HeatStackSetResult)sent.Made;
            return new HeatStackSetResult(result.Operation, final, result.Changes, result.Differences);
        }

        private void Create(Heat.Client.Templates.TemplateBundle bundle, Dictionary<string, object> parameters)
        {
            var request = NewCreateRequest(bundle, parameters);
            if (IsWhatIf)
            {
                ShouldAct(StackName, "Create Heat stack");
                WritePreviewedCreate(request);
                return;
            }
            if (!ShouldAct(StackName, "Create Heat stack")) return;
            var create = NewHeatStack.SendCreate(request);
            Start(new StackOperation("Create Heat stack", null, StackName, async (client, target, token) =>
            {
                var sent = await create(client, target, token).ConfigureAwait(false);
                return new Sent(sent.Stack, new HeatStackSetResult("Created", (HeatStack)sent.Made, Array.Empty<HeatResourceChange>()));
            })
            {
                Goal = Wait ? WaitGoal.Create : null,
                WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                Started = sent => sent.Made,
                Finished = Finished,
                WriteFailed = true,
            }, ThrottleLimit);
        }
    }
}
