using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;
using Heat.PowerShell.Operations;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Creates a stack, updates it, or leaves it alone: safe to run again and again.</summary>
    /// <remarks>
    /// <para>Set-HeatStack makes a stack look like its definition. When Heat has no stack of that name it creates one;
    /// when it has, it asks Heat's preview whether the template, environment and parameters would change anything, and
    /// updates only then (or when the stack is FAILED, which an update retries); when nothing would change it does
    /// nothing and is not an error. A deployment script can therefore run it every time.</para>
    /// <para>It writes a HeatStackSetResult per stack: Operation (Created, Updated or Unchanged), the Stack and the
    /// Changes the preview showed. With -Wait, creates and updates are waited for at once, and a stack that fails is an
    /// error record with Heat's reasons.</para>
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
    [Cmdlet(VerbsCommon.Set, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStackSetResult))]
    public sealed class SetHeatStack : StackDefinitionCmdlet
    {
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
                    var unchanged = new HeatStackSetResult("Unchanged", stack, changes);
                    Start(new StackOperation("Leave Heat stack unchanged", existing, StackName, (client, target, token) => Task.FromResult(new Sent(target)))
                    {
                        Started = sent => unchanged,
                    }, ThrottleLimit);
                    return;
                }
                if (!ShouldAct(Describe(existing), "Update Heat stack")) return;
                stack.StackStatus = "UPDATE_IN_PROGRESS";
                Start(new StackOperation("Update Heat stack", existing, StackName, async (client, target, token) =>
                {
                    await client.Stacks.UpdateAsync(target, update, token).ConfigureAwait(false);
                    return new Sent(target, new HeatStackSetResult("Updated", stack, changes));
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
            return new HeatStackSetResult(result.Operation, final, result.Changes);
        }

        private void Create(Heat.Client.Templates.TemplateBundle bundle, Dictionary<string, object> parameters)
        {
            if (!ShouldAct(StackName, "Create Heat stack")) return;
            var create = NewHeatStack.SendCreate(NewCreateRequest(bundle, parameters));
            Start(new StackOperation("Create Heat stack", null, StackName, async (client, target, token) =>
            {
                var sent = await create(client, target, token).ConfigureAwait(false);
                return new Sent(sent.Stack, new HeatStackSetResult("Created", (HeatStack)sent.Made, new HeatResourceChange[0]));
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
