using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>How far a stack's own resources are: each one's latest status in this wait, and how many are complete.</summary>
    internal sealed class ResourceTally
    {
        private readonly Dictionary<string, string?> _latest = new Dictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>Events (oldest first) of the stack's top-level resources; its own events and nested stacks' do not count.</summary>
        public void Observe(IEnumerable<HeatEvent> fresh, StackRef stack)
        {
            foreach (var evt in fresh.Where(e => e.StackId == stack.StackId && !OwnEvents.IsOf(e, stack)))
            {
                _latest[evt.ResourceName ?? string.Empty] = evt.ResourceStatus;
            }
        }

        /// <summary>Resources whose latest event is *_COMPLETE.</summary>
        public int Done => _latest.Values.Count(s => HeatStatus.IsIn(s, HeatStatus.Complete));
    }
}
