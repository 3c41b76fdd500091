using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists the Heat sessions of this runspace: the default one and one per cloud connected by name.</summary>
    /// <remarks>
    /// <para>Get-HeatSession writes each open session this runspace holds, by cloud name (Connect-HeatService -Cloud a, b
    /// keeps one per cloud), then the default session if it was connected without a cloud name. -Cloud picks by name,
    /// with wildcards; a name without wildcards that no session has is a HeatSessionNotFound error. -Default writes the
    /// default session alone.</para>
    /// <para>A session is what -Session takes on every cmdlet; -Cloud on a cmdlet picks the same session by its name. A
    /// session never shows its token.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-HeatService -Cloud east, west
    /// Get-HeatSession | Format-Table CloudName, ProjectName, Region, HeatEndpoint
    /// </code>
    /// <para>Connects to two clouds of clouds.yaml at once and lists the sessions.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStack web -TemplatePath ./web.yaml -Session (Get-HeatSession west)
    /// </code>
    /// <para>Creates a stack in the cloud named west; -Cloud west says the same.</para>
    /// </example>
    /// <notes>
    /// <para>Sessions are per runspace: a job or a ForEach-Object -Parallel block has its own, and is handed one with
    /// -Session. Disconnect-HeatService closes a session and forgets it here.</para>
    /// </notes>
    [Cmdlet(VerbsCommon.Get, "HeatSession", DefaultParameterSetName = NamedSet)]
    [OutputType(typeof(HeatSession))]
    public sealed class GetHeatSession : TerminalSafeCmdlet
    {
        private const string NamedSet = "Named";
        private const string DefaultSet = "Default";

        /// <summary>Cloud names (wildcards) of the sessions to write; left out, all.</summary>
        [Parameter(Position = 0, ParameterSetName = NamedSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CloudNameCompleter))]
        public string[] Cloud { get; set; }

        /// <summary>Write the runspace's default session only (the one cmdlets use without -Session or -Cloud).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
        public SwitchParameter Default { get; set; }

        protected override void EndProcessing()
        {
            var current = SessionStore.Default;
            if (Default)
            {
                if (current != null && !current.IsDisposed) WriteObject(current);
                return;
            }
            var sessions = new List<HeatSession>(SessionStore.Named);
            if (current != null && !current.IsDisposed && !sessions.Contains(current)) sessions.Add(current);
            var filter = new NameFilter(Cloud);
            foreach (var session in sessions.Where(s => Cloud == null || (s.CloudName != null && filter.IsMatch(s.CloudName))))
            {
                WriteObject(session);
            }
            filter.WriteUnmatched(this, "HeatSession", name => $"This runspace has no session of cloud '{name}'. Connect-HeatService -Cloud {name} opens one.");
        }
    }
}
