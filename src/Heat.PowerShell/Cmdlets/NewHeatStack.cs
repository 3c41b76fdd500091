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
    public sealed class NewHeatStack : HeatCmdlet, IDynamicParameters
    {
        private readonly List<PendingWait> _toWait = new List<PendingWait>();
        private readonly TemplateSourceParameters _template = new TemplateSourceParameters();

        /// <summary>-TemplatePath | -Template | -TemplateUrl, -EnvironmentPath, -Parameter, -ParameterFile.</summary>
        public object GetDynamicParameters() => _template;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string StackName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        public string[] Tag { get; set; }

        /// <summary>Heat's own limit for the creation.</summary>
        [Parameter]
        [ValidateRange(1, 10080)]
        public int TimeoutMinutes { get; set; }

        /// <summary>Roll back (delete what was made) when the create fails. Off by default, as in Heat's API and
        /// <c>openstack stack create</c>: a failed stack keeps its resources, so the real cause can be seen.</summary>
        [Parameter]
        public SwitchParameter EnableRollback { get; set; }

        /// <summary>The default; kept so that scripts written for earlier versions still run.</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter DisableRollback { get; set; }

        /// <summary>Wait until the stacks finish, then return them in full.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        protected override void BeginProcessing()
        {
            if (EnableRollback && DisableRollback)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-EnableRollback and -DisableRollback contradict each other."),
                    "HeatRollbackConflict", ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(StackName, "Create Heat stack")) return;
            TryItem("HeatStack", StackName, () =>
            {
                var request = new CreateStackRequest
                {
                    StackName = StackName,
                    Template = LoadTemplate(_template),
                    Parameters = _template.Values(this),
                    DisableRollback = !EnableRollback,
                    TimeoutMinutes = MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutMinutes)) ? TimeoutMinutes : (int?)null,
                };
                if (Tag != null) foreach (var tag in Tag) request.Tags.Add(tag);
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
