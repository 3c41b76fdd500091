using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;
using Heat.Client.Templates;

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
        public const string AdoptSet = "Adopt";

        private readonly List<PendingWait> _toWait = new List<PendingWait>();

        /// <summary>Adopt: make the stack from the data an abandon or export wrote (its template, and the resources it
        /// takes over). Heat refuses unless the cloud enables adopt.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AdoptSet)]
        [ValidateNotNullOrEmpty]
        public string AdoptPath { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(StackName, "Create Heat stack")) return;
            TryItem("HeatStack", StackName, () =>
            {
                var request = NewCreateRequest(Definition.LoadWithHooks(this), Definition.Values(this));
                if (AdoptPath != null) request.AdoptStackData = LocalText.Read(GetUnresolvedProviderPathFromPSPath(AdoptPath), "the adopt data");
                var created = Await(Client.Stacks.CreateAsync(request, CancellationToken));
                WriteVerbose($"Creating stack {created.StackName} ({created.Id}).");
                if (Wait) _toWait.Add(Pending(RefOf(created), Goal, TimeSpan.FromMinutes(WaitTimeoutMinutes), isNew: true));
                else WriteObject(created);
            });
        }

        private WaitGoal Goal => AdoptPath != null ? WaitGoal.Adopt : WaitGoal.Create;

        protected override void EndProcessing()
        {
            // A create that rolled back (ROLLBACK_COMPLETE) failed too; the final stack is written either way.
            FinishWaits(_toWait, Goal, output: outcome => outcome.Final, outputFailed: true);
        }
    }
}
