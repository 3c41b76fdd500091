using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Forgets the default Heat session (or the one given) and releases its connections.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "HeatService")]
    public sealed class DisconnectHeatService : PSCmdlet
    {
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
            if (ReferenceEquals(SessionStore.Default, session)) SessionStore.Default = null;
            session.Dispose();
            WriteVerbose($"Disconnected from {session.HeatEndpoint}.");
        }
    }
}
