using System;
using System.IO;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

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
    /// <para>A stack marked with Protect-HeatStack is refused, -Force or not (HeatStackProtected), while the rest of
    /// the removal goes on; Unprotect-HeatStack lifts it. The mark is this module's: Heat itself and other clients do not
    /// honour it.</para>
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

        /// <summary>With -Abandon: the folder where each stack's abandon data goes, as {StackName}.json (the name as you
        /// gave it, or the id with -StackId), written as Heat sent it and readable by you only. The file is made before
        /// Heat is asked, so a name already taken is an error and nothing is abandoned; a write that fails after Heat
        /// answered puts the data in the temp folder (the error names the file). Left out, the data is written to the
        /// pipeline as JSON text.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AbandonPath { get; set; }

        /// <summary>With -AbandonPath: replace a file of the same name already in the folder (by default that is an
        /// error and the stack is not abandoned). The old file is replaced once the new data is written; a link there is
        /// replaced, not followed.</summary>
        [Parameter]
        public SwitchParameter Overwrite { get; set; }

        internal override WaitGoal Goal => WaitGoal.Delete;

        protected override string ActionText => Abandon ? "Abandon Heat stack (its resources stay)" : "Remove Heat stack";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if ((AbandonPath != null && !Abandon) || (Overwrite && AbandonPath == null))
            {
                ThrowTerminatingError(ErrorCatalog.Usage("HeatAbandonPathAlone", "-AbandonPath goes with -Abandon, and -Overwrite with -AbandonPath."));
            }
            _folder = AbandonPath == null ? null : GetUnresolvedProviderPathFromPSPath(AbandonPath);
            if (_folder != null && !Directory.Exists(_folder))
            {
                ThrowTerminatingError(ErrorCatalog.Usage("HeatAbandonPathMissing", $"-AbandonPath {_folder} is not a folder.", _folder, "AbandonPath"));
            }
        }

        private string _folder;

        /// <summary>A stack marked protected (Protect-HeatStack) is refused, -Force or not; the others go on.</summary>
        internal override SendStack CaptureSend() => Sends.UnlessProtected(Abandon ? SendAbandon : SendDelete);

        /// <summary>With -AbandonPath, each stack's file is named by the stack as the user named it.</summary>
        internal override SendStack ForTarget(SendStack send, StackRef target) =>
            Abandon && _folder != null ? SendAbandonToFile(_folder, target, Overwrite) : send;

        private static readonly SendStack SendDelete = async (client, stack, cancellationToken) =>
        {
            await client.Stacks.DeleteAsync(stack, cancellationToken).ConfigureAwait(false);
            return new Sent(stack);
        };

        private static readonly SendStack SendAbandon = async (client, stack, cancellationToken) =>
            new Sent(stack, data: await client.StackData.AbandonAsync(stack, cancellationToken).ConfigureAwait(false));

        /// <summary>The file is made before Heat is asked (a name taken or a link there stops it), and written with the
        /// bytes Heat sent; see <see cref="AbandonFile"/>.</summary>
        private static SendStack SendAbandonToFile(string folder, StackRef asked, bool overwrite) => async (client, stack, cancellationToken) =>
        {
            using (var file = AbandonFile.Open(folder, asked, overwrite))
            {
                // After the file is made (a name taken stops it before Heat is asked), before the abandon.
                await Sends.RefuseProtectedAsync(client, stack, cancellationToken).ConfigureAwait(false);
                var saved = file.Save(await client.StackData.AbandonAsync(stack, cancellationToken).ConfigureAwait(false));
                return new Sent(stack, data: saved);
            }
        };

        /// <summary>
        /// A deleted stack as last seen, marked DELETE_COMPLETE (Heat may no longer show it), with a reason that goes with
        /// that status: what was last seen may still carry an earlier reason ("Stack CREATE started").
        /// </summary>
        internal override Func<HeatStack, HeatStack, HeatStack> Final => Deleted;

        private static HeatStack Deleted(HeatStack started, HeatStack seen)
        {
            var final = seen ?? started;
            bool shownDeleted = seen != null && seen.StackStatus == WaitGoal.Delete.Expected && !string.IsNullOrEmpty(seen.StackStatusReason);
            final.StackStatusReason = shownDeleted ? seen.StackStatusReason : "Stack DELETE completed successfully";
            final.StackStatus = WaitGoal.Delete.Expected;
            return final;
        }
    }
}
