using System.Collections.Generic;
using System.Linq;
using Heat.Client.Internal;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>A stack's own events (its status changing), among the events of its resources.</summary>
    internal static class OwnEvents
    {
        /// <summary>The stack's own events name the stack as their resource, with the stack's id as physical id.</summary>
        public static bool IsOf(HeatEvent evt, StackRef stack) =>
            evt.ResourceName == stack.StackName && (evt.PhysicalResourceId == stack.StackId || Strings.IsNullOrEmpty(evt.PhysicalResourceId));

        /// <summary>The newest of the stack's own events among <paramref name="fresh"/> (oldest first), or null.</summary>
        public static HeatEvent Last(IEnumerable<HeatEvent> fresh, StackRef stack) => fresh.LastOrDefault(e => IsOf(e, stack));
    }
}
