using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;

namespace Heat.PowerShell.Fleet
{
    /// <summary>
    /// The runspaces that ask the clouds of a fleet read in parallel: a pool per module path, opened on first use and
    /// kept for the process, so that only the first fleet read pays for importing the module into them.
    /// </summary>
    internal static class FleetRunspaces
    {
        /// <summary>At most this many clouds are asked at once; more wait for a runspace.</summary>
        public const int MaxParallel = 8;

        private static readonly Dictionary<string, RunspacePool> Pools = new Dictionary<string, RunspacePool>(StringComparer.Ordinal);

        public static RunspacePool For(string modulePath)
        {
            lock (Pools)
            {
                if (Pools.TryGetValue(modulePath, out var pool) && pool.RunspacePoolStateInfo.State == RunspacePoolState.Opened) return pool;
                var state = InitialSessionState.CreateDefault2();
                state.ImportPSModule(new[] { modulePath });
                pool = RunspaceFactory.CreateRunspacePool(state);
                pool.SetMinRunspaces(1);
                pool.SetMaxRunspaces(MaxParallel);
                pool.Open();
                Pools[modulePath] = pool;
                return pool;
            }
        }
    }
}
