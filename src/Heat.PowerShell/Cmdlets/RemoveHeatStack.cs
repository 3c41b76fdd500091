using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using Heat.Client;
using Heat.Client.Models;
using Heat.PowerShell.Operations;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Deletes stacks; one failure does not stop the rest.</summary>
    /// <remarks>
    /// <para>Remove-HeatStack deletes the stacks named (wildcards match the list, each match confirmed on its own),
    /// given by id, or piped. ConfirmImpact is High, so PowerShell asks for each stack unless -Force; -WhatIf says what
    /// would go. A stack that does not exist is one non-terminating HeatStackNotFound error and the pipeline goes on. A
    /// stack in DELETE_FAILED is deleted again.</para>
    /// <para>Deletions run concurrently (-ThrottleLimit). With -Wait, all are waited for at once, and a stack that ends
    /// DELETE_FAILED is an error record naming the resources that blocked it. -PassThru writes each stack as it was,
    /// marked DELETE_COMPLETE once gone.</para>
    /// <para>-Abandon abandons instead (where the cloud allows it): Heat forgets the stack and leaves its resources;
    /// the abandon data goes to -AbandonPath as {StackName}.json, or to the pipeline as JSON text, and New-HeatStack
    /// -AdoptPath takes the resources back.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Remove-HeatStack ci-* -Force -Wait
    /// </code>
    /// <para>Deletes every stack whose name starts with ci- without asking, and waits until all are gone.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Status FAILED | Remove-HeatStack -WhatIf
    /// </code>
    /// <para>Shows which failed stacks would be deleted, and deletes nothing.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-HeatStack old-app -Abandon -AbandonPath ./abandoned -Force
    /// </code>
    /// <para>Abandons old-app: Heat forgets it, its resources stay, and ./abandoned/old-app.json holds what
    /// New-HeatStack -AdoptPath needs.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "HeatStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStack))]
    public sealed class RemoveHeatStack : StackActionCmdlet
    {
        /// <summary>Abandon instead of delete: Heat forgets the stacks and leaves their resources; each stack's data (the
        /// input of New-HeatStack -AdoptPath) is written to -AbandonPath, or to the pipeline as JSON text. Heat refuses
        /// unless the cloud enables abandon.</summary>
        [Parameter]
        public SwitchParameter Abandon { get; set; }

        /// <summary>With -Abandon: the folder where each stack's abandon data goes, as {StackName}.json. Left out, the
        /// data is written to the pipeline as JSON text.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AbandonPath { get; set; }

        internal override WaitGoal Goal => WaitGoal.Delete;

        protected override string StartedStatus => "DELETE_IN_PROGRESS";

        protected override string ActionText => Abandon ? "Abandon Heat stack (its resources stay)" : "Remove Heat stack";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
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

        internal override SendStack CaptureSend() => Abandon ? SendAbandon(_folder) : SendDelete;

        private static readonly SendStack SendDelete = async (client, stack, cancellationToken) =>
        {
            await client.Stacks.DeleteAsync(stack, cancellationToken).ConfigureAwait(false);
            return new Sent(stack);
        };

        private static SendStack SendAbandon(string folder) => async (client, stack, cancellationToken) =>
        {
            var data = await client.StackData.AbandonAsync(stack, cancellationToken).ConfigureAwait(false);
            var pretty = Newtonsoft.Json.Linq.JToken.Parse(data).ToString(Newtonsoft.Json.Formatting.Indented);
            if (folder == null) return new Sent(stack, data: pretty);
            var file = Path.Combine(folder, stack.StackName + ".json");
            File.WriteAllText(file, pretty, new UTF8Encoding(false));
            return new Sent(stack, data: new FileInfo(file));
        };

        /// <summary>
        /// A deleted stack as last seen, marked DELETE_COMPLETE (Heat may no longer show it), with a reason that goes with
        /// that status: what was last seen may still carry an earlier reason ("Stack CREATE started").
        /// </summary>
        internal override Func<HeatStack, HeatStack, HeatStack> Final => Deleted;

        private static HeatStack Deleted(HeatStack started, HeatStack seen)
        {
            var final = seen ?? started;
            bool shownDeleted = seen != null && seen.StackStatus == "DELETE_COMPLETE" && !string.IsNullOrEmpty(seen.StackStatusReason);
            final.StackStatusReason = shownDeleted ? seen.StackStatusReason : "Stack DELETE completed successfully";
            final.StackStatus = "DELETE_COMPLETE";
            return final;
        }
    }
}
