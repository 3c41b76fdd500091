using System.Collections.Generic;
using System.Linq;
using Heat.Client.Models;

namespace Heat.Client.Errors
{
    /// <summary>An update refused before it was sent, because Heat's preview shows it would replace resources and the
    /// caller asked for no replacement.</summary>
    public sealed class HeatReplaceRefusedException : HeatException
    {
        public HeatReplaceRefusedException(StackRef stack, IReadOnlyList<HeatResourceChange> replaced)
            : base($"The update of stack '{stack}' would replace {string.Join(", ", replaced.Select(r => $"{(r.StackName != null && r.StackName != stack.StackName ? r.StackName + "/" : string.Empty)}{r.ResourceName} ({r.ResourceType})"))}; " +
                   "it was not sent.")
        {
            Stack = stack;
            Replaced = replaced;
        }

        public StackRef Stack { get; }

        public IReadOnlyList<HeatResourceChange> Replaced { get; }
    }
}
