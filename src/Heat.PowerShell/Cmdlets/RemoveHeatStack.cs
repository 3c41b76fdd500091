using System.IO;
using System.Management.Automation;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes stacks by name (wildcards match the list), id or piped objects; one failure does not stop the rest.</para>
    /// <para type="description">Each stack is confirmed on its own (ConfirmImpact High) unless -Force. Deletions run
    /// concurrently (-ThrottleLimit); with -Wait, all are waited for at once, and a stack that does not go reports the
    /// resources that blocked it. A stack in DELETE_FAILED is deleted again.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class RemoveHeatStack : StackActionCmdlet
    {
        /// <summary>Abandon instead of delete: Heat forgets the stacks and leaves their resources; each stack's data (the
        /// input of New-HeatStack -AdoptPath) is written to -AbandonPath, or to the pipeline as JSON text. Heat refuses
        /// unless the cloud enables abandon.</summary>
        [Parameter]
        public SwitchParameter Abandon { get; set; }

        /// <summary>With -Abandon: the folder where each stack's data goes, as {StackName}.json.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AbandonPath { get; set; }

        internal override WaitGoal Goal => WaitGoal.Delete;

        protected override string StartedStatus => "DELETE_IN_PROGRESS";

        protected override string ActionText => Abandon ? "Abandon Heat stack (its resources stay)" : "Remove Heat stack";

        protected override void BeginProcessing()
        {
            if (AbandonPath != null && !Abandon)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-AbandonPath goes with -Abandon."), "HeatAbandonPathAlone", ErrorCategory.InvalidArgument, null));
            }
            _folder = AbandonPath == null ? null : GetUnresolvedProviderPathFromPSPath(AbandonPath);
            if (_folder != null && !Directory.Exists(_folder))
            {
                ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException($"-AbandonPath {_folder} is not a folder."), "HeatAbandonPathMissing", ErrorCategory.ObjectNotFound, _folder));
            }
        }

        private string _folder;

        protected override async Task StartAsync(HeatClient client, StackRef stack, CancellationToken cancellationToken)
        {
            if (!Abandon)
            {
                await client.Stacks.DeleteAsync(stack, cancellationToken).ConfigureAwait(false);
                return;
            }
            var data = await client.StackData.AbandonAsync(stack, cancellationToken).ConfigureAwait(false);
            var pretty = Newtonsoft.Json.Linq.JToken.Parse(data).ToString(Newtonsoft.Json.Formatting.Indented);
            if (_folder == null)
            {
                Post(() => WriteObject(pretty));
                return;
            }
            var file = Path.Combine(_folder, stack.StackName + ".json");
            File.WriteAllText(file, pretty, new UTF8Encoding(false));
            Post(() => WriteObject(new FileInfo(file)));
        }

        /// <summary>
        /// A deleted stack as last seen, marked DELETE_COMPLETE (Heat may no longer show it), with a reason that goes with
        /// that status: what was last seen may still carry an earlier reason ("Stack CREATE started").
        /// </summary>
        protected override HeatStack Final(HeatStack started, HeatStack seen)
        {
            var final = seen ?? started;
            bool shownDeleted = seen != null && seen.StackStatus == "DELETE_COMPLETE" && !string.IsNullOrEmpty(seen.StackStatusReason);
            final.StackStatusReason = shownDeleted ? seen.StackStatusReason : "Stack DELETE completed successfully";
            final.StackStatus = "DELETE_COMPLETE";
            return final;
        }
    }
}
