using System.Collections.Generic;
using System.Linq;
using Heat.Client.Models;

namespace Heat.Client.Errors
{
    /// <summary>
    /// A wait that found the stack stopped at hooks with nothing else going on: it would wait for ever for someone to
    /// clear them, so it says so instead, naming them (<see cref="Hooks"/>).
    /// </summary>
    public sealed class HeatStackPausedException : HeatException
    {
        public HeatStackPausedException(StackRef stack, IReadOnlyList<HeatStackHook> hooks, HeatStack lastSeen)
            : base($"Stack '{stack}' is paused at {string.Join(", ", hooks.Select(h => h.HookType + " of " + h.ResourceName))}; " +
                   "nothing else is in progress until the hooks are cleared.")
        {
            Stack = stack;
            Hooks = hooks;
            LastSeen = lastSeen;
        }

        public StackRef Stack { get; }

        public IReadOnlyList<HeatStackHook> Hooks { get; }

        public HeatStack LastSeen { get; }
    }
}
