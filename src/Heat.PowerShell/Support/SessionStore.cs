using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// The default session, one per runspace: two runspaces (jobs, ForEach-Object -Parallel, a hosted
    /// Azure Automation worker) never trample each other's connection. A session object itself is
    /// thread-safe and can be handed to other runspaces with -Session.
    /// </summary>
    internal static class SessionStore
    {
        private sealed class Holder
        {
            public volatile HeatSession Session;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> Defaults = new ConditionalWeakTable<Runspace, Holder>();

        // A host without a runspace (rare) still gets one shared slot.
        private static readonly Holder Fallback = new Holder();

        private static Holder Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? Fallback : Defaults.GetValue(runspace, _ => new Holder());
            }
        }

        public static HeatSession Default
        {
            get => Current.Session;
            set => Current.Session = value;
        }
    }
}
