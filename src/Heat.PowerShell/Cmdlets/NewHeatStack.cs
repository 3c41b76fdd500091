using System;
using System.Collections;
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
    [Cmdlet(VerbsCommon.New, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(HeatStack))]
    public sealed class NewHeatStack : HeatCmdlet
    {
        public const string PathSet = "TemplatePath";
        public const string BodySet = "Template";
        public const string UrlSet = "TemplateUrl";

        private readonly List<StackRef> _toWait = new List<StackRef>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("StackName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Path", "FullName")]
        [ValidateNotNullOrEmpty]
        public string TemplatePath { get; set; }

        /// <summary>The template's text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BodySet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UrlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TemplateUrl { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentPath { get; set; }

        /// <summary>Parameter values; lists, hashtables, numbers and booleans are sent as Heat expects them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Parameters")]
        public Hashtable Parameter { get; set; }

        /// <summary>Parameter name to a file whose content is the value (a script, a key, a certificate).</summary>
        [Parameter]
        public Hashtable ParameterFile { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        public string[] Tag { get; set; }

        /// <summary>Heat's own limit for the creation.</summary>
        [Parameter]
        [ValidateRange(1, 10080)]
        public int TimeoutMinutes { get; set; }

        [Parameter]
        public SwitchParameter DisableRollback { get; set; }

        /// <summary>Wait until the stacks finish, then return them in full.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Create Heat stack")) return;
            TryItem("HeatStack", Name, () =>
            {
                var bundle = Await(TemplateLoader.LoadAsync(NewTemplateRequest(TemplatePath, Template, TemplateUrl, EnvironmentPath), Client.FetchTextAsync, CancellationToken));
                var request = new CreateStackRequest
                {
                    StackName = Name,
                    Template = bundle,
                    Parameters = Parameter,
                    ParameterFiles = ParameterFile,
                    BaseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                    DisableRollback = DisableRollback,
                    TimeoutMinutes = MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutMinutes)) ? TimeoutMinutes : (int?)null,
                };
                if (Tag != null) foreach (var tag in Tag) request.Tags.Add(tag);
                var created = Await(Client.CreateStackAsync(request, CancellationToken));
                WriteVerbose($"Creating stack {created.StackName} ({created.Id}).");
                if (Wait) _toWait.Add(RefOf(created));
                else WriteObject(created);
            });
        }

        protected override void EndProcessing()
        {
            foreach (var outcome in WaitForStacks(_toWait, TimeSpan.FromMinutes(WaitTimeoutMinutes), "Creating Heat stacks"))
            {
                if (outcome.Error != null)
                {
                    WriteError(ToErrorRecord(outcome.Error, "HeatStack", outcome.Stack.ToString()));
                    continue;
                }
                // A create that rolled back (ROLLBACK_COMPLETE) failed too.
                if (outcome.Final.StackStatus != "CREATE_COMPLETE")
                {
                    WriteError(ToErrorRecord(new HeatStackFailedException(
                        $"Stack {outcome.Final.StackName} is {outcome.Final.StackStatus}: {outcome.Final.StackStatusReason}", outcome.Final),
                        "HeatStack", outcome.Final));
                }
                WriteObject(outcome.Final);
            }
        }
    }
}
