using System.Collections.Generic;
using System.Linq;
using Heat.Client.Models;
using Heat.Client.Protection;

namespace Heat.Client.Errors
{
    /// <summary>An update refused before it was sent: Heat's preview shows it would update or replace resources whose
    /// restricted_actions forbid that, so Heat would fail it part way.</summary>
    public sealed class HeatActionRestrictedException : HeatException
    {
        public HeatActionRestrictedException(StackRef stack, IReadOnlyList<HeatResourceChange> refused)
            : base($"The update of stack '{stack}' would " +
                   string.Join("; ", refused.Select(r => $"{RestrictedActions.ActionOf(r.Change)} {r.ResourceName} ({r.ResourceType})")) +
                   ", which the stack's environment restricts (restricted_actions); it was not sent.")
        {
            Stack = stack;
            Refused = refused;
        }

        public StackRef Stack { get; }

        /// <summary>The changes Heat's preview shows that the restrictions forbid.</summary>
        public IReadOnlyList<HeatResourceChange> Refused { get; }
    }
}
