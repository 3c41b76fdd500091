using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Heat.Client;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// The sessions of a runspace: the default one, and one per clouds.yaml cloud connected by name (Connect-HeatService
    /// -Cloud a, b), which -Cloud on any cmdlet picks. Two runspaces (jobs, ForEach-Object -Parallel, a hosted Azure
    /// Automation worker) never trample each other's connections. A session object itself is thread-safe and can be
    /// handed to other runspaces with -Session.
    /// </summary>
    internal static class SessionStore
    {
        private sealed class Holder
        {
            public volatile HeatSession Session;
            public readonly Dictionary<string, HeatSession> ByCloud = new Dictionary<string, HeatSession>(StringComparer.Ordinal);
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

        /// <summary>The sessions connected by cloud name, in name order (closed ones left out).</summary>
        public static IReadOnlyList<HeatSession> Named
        {
            get
            {
                var holder = Current;
                lock (holder.ByCloud) return holder.ByCloud.Values.Where(s => !s.IsDisposed).OrderBy(s => s.CloudName, StringComparer.Ordinal).ToList();
            }
        }

        /// <summary>The open session of a cloud, or null.</summary>
        public static HeatSession Find(string cloud)
        {
            var holder = Current;
            lock (holder.ByCloud) return holder.ByCloud.TryGetValue(cloud, out var session) && !session.IsDisposed ? session : null;
        }

        /// <summary>Keeps a session opened for a named cloud, in place of an earlier one of that name.</summary>
        public static void Remember(HeatSession session)
        {
            if (session?.CloudName == null) return;
            var holder = Current;
            lock (holder.ByCloud) holder.ByCloud[session.CloudName] = session;
        }

        /// <summary>Forgets a session wherever this runspace holds it.</summary>
        public static void Forget(HeatSession session)
        {
            var holder = Current;
            if (ReferenceEquals(holder.Session, session)) holder.Session = null;
            lock (holder.ByCloud)
            {
                foreach (var name in holder.ByCloud.Where(p => ReferenceEquals(p.Value, session)).Select(p => p.Key).ToList()) holder.ByCloud.Remove(name);
            }
        }
    }
}
