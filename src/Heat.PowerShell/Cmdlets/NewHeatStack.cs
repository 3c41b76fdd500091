using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Creates a stack from a HOT or CloudFormation template (YAML or JSON).</para>
    /// <para type="description">Returns the new stack (name, id, links). With -Wait, every creation is started
    /// first, then all are waited for at once and the finished stacks are returned in full.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TemplateSourceParameters.PathSet)]
    [OutputType(typeof(HeatStack))]
    public sealed class NewHeatStack : StackDefinitionCmdlet
    {
        private readonly List<PendingWait> _toWait = new List<PendingWait>();

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(StackName, "Create Heat stack")) return;
            TryItem("HeatStack", StackName, () =>
            {
                var request = NewCreateRequest(LoadTemplate(Definition), Definition.Values(this));
                var created = Await(Client.Stacks.CreateAsync(request, CancellationToken));
                WriteVerbose($"Creating stack {created.StackName} ({created.Id}).");
                if (Wait) _toWait.Add(Pending(RefOf(created), WaitGoal.Create, TimeSpan.FromMinutes(WaitTimeoutMinutes), isNew: true));
                else WriteObject(created);
            });
        }

        protected override void EndProcessing()
        {
            // A create that rolled back (ROLLBACK_COMPLETE) failed too; the final stack is written either way.
            FinishWaits(_toWait, WaitGoal.Create, output: outcome => outcome.Final, outputFailed: true);
        }
    }
}
