using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Base
{
    /// <summary>
    /// What a cmdlet of the module shows the host besides its objects: verbose lines (the client's trace among them),
    /// warnings, error records, progress and the target a confirmation names. Those carry stack, resource and cloud
    /// names and Heat's reasons as they came, and a terminal obeys what it is sent (a title, a cleared screen, hidden
    /// text, reversed text); so each goes through <see cref="TerminalText"/> here, the one door, declared with
    /// <c>new</c> so that every call in the module's cmdlets (and through a reference typed as one) binds to it. The
    /// objects written keep Heat's data as it came; the views clean what they show the same way.
    /// </summary>
    public abstract class TerminalSafeCmdlet : PSCmdlet
    {
        public new void WriteVerbose(string text) => base.WriteVerbose(TerminalText.Line(text));

        public new void WriteWarning(string text) => base.WriteWarning(TerminalText.Line(text));

        public new void WriteError(ErrorRecord errorRecord) => base.WriteError(ErrorCatalog.ForHost(errorRecord));

        public new void ThrowTerminatingError(ErrorRecord errorRecord) => base.ThrowTerminatingError(ErrorCatalog.ForHost(errorRecord));

        public new void WriteProgress(ProgressRecord progressRecord)
        {
            // Activity and status may not be empty; cleaning never empties a text (nothing is dropped).
            progressRecord.Activity = TerminalText.Line(progressRecord.Activity);
            progressRecord.StatusDescription = TerminalText.Line(progressRecord.StatusDescription);
            progressRecord.CurrentOperation = TerminalText.Line(progressRecord.CurrentOperation);
            base.WriteProgress(progressRecord);
        }

        public new bool ShouldProcess(string target, string action) => base.ShouldProcess(TerminalText.Line(target), action);
    }
}
