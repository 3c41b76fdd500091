using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Forgets the default Heat session (or the one given) and releases its connections.</summary>
    /// <remarks>
    /// <para>Disconnect-HeatService wipes the session's secrets (password, token) from memory, closes its connections
    /// and ends any request still in flight through it: those fail with HeatSessionClosed. When the session is the
    /// runspace's default, the default is forgotten, so the next Heat cmdlet says HeatNotConnected until
    /// Connect-HeatService runs again.</para>
    /// <para>Nothing is written. A session that was already disconnected is left as it is.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Disconnect-HeatService
    /// </code>
    /// <para>Forgets the default session of this runspace.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $prod = Connect-HeatService -AuthUrl $url -Credential $cred -ProjectName prod -PassThru
    /// Get-HeatStack -Session $prod | Export-Csv stacks.csv
    /// Disconnect-HeatService -Session $prod
    /// </code>
    /// <para>Uses a session for one job and closes it afterwards; the default session, if it is another one,
    /// stays.</para>
    /// </example>
    /// <notes>
    /// <para>Requests other runspaces are making through the same session end too (HeatSessionClosed). -Verbose says which
    /// endpoint was disconnected, or that there was no session.</para>
    /// </notes>
    [Cmdlet(VerbsCommunications.Disconnect, "HeatService")]
    public sealed class DisconnectHeatService : TerminalSafeCmdlet
    {
        /// <summary>The session to close (also from the pipeline). Left out: the default session.</summary>
        [Parameter(ValueFromPipeline = true)]
        public HeatSession Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? SessionStore.Default;
            if (session == null)
            {
                WriteVerbose("No Heat session to disconnect.");
                return;
            }
            SessionStore.Forget(session);
            session.Dispose();
            WriteVerbose($"Disconnected from {session.HeatEndpoint}.");
        }
    }
}
