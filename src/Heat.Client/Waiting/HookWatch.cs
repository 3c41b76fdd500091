using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Hooks;
using Heat.Client.Models;

namespace Heat.Client.Waiting
{
    /// <summary>
    /// The resources a wait has seen stop at a hook and not yet cleared. A stack in progress with nothing moving but
    /// paused resources would wait for ever for someone to clear them, so that ends the wait
    /// (<see cref="HeatStackPausedException"/>). Events show hooks from the marker on; a stack that paused before the wait
    /// began is found by asking Heat once (<see cref="HooksClient.PendingAsync"/>).
    /// </summary>
    internal sealed class HookWatch
    {
        private readonly Dictionary<string, HeatStackHook> _paused = new Dictionary<string, HeatStackHook>(StringComparer.Ordinal);
        private bool _asked;

        public IReadOnlyList<HeatStackHook> Paused => _paused.Values.ToList();

        /// <summary>Events (oldest first) that say a resource stopped at a hook, or that its hook was cleared.</summary>
        public void Observe(IEnumerable<HeatEvent> events)
        {
            foreach (var evt in events)
            {
                if (!StackHooks.TryRead(evt.ResourceStatusReason, out var hook, out var paused)) continue;
                var key = Key(evt.StackId, evt.ResourceName);
                if (paused) _paused[key] = new HeatStackHook { StackName = evt.StackName, StackId = evt.StackId, ResourceName = evt.ResourceName, HookType = hook, Since = evt.EventTime };
                else _paused.Remove(key);
            }
        }

        /// <summary>A quiet stack in progress with no pause seen: it may have stopped before the wait began. Asked once.</summary>
        public bool ShouldAsk(HeatStack seen) => seen.IsInProgress && _paused.Count == 0 && !_asked;

        /// <summary>What Heat said is paused now (<see cref="ShouldAsk"/> is false from here on).</summary>
        public void Asked(IEnumerable<HeatStackHook> pending)
        {
            _asked = true;
            foreach (var hook in pending) _paused[Key(hook.StackId, hook.ResourceName)] = hook;
        }

        /// <summary>In progress, quiet, and resources paused: only someone clearing them moves the stack on.</summary>
        public bool IsStuck(HeatStack seen) => seen.IsInProgress && _paused.Count > 0;

        private static string Key(string? stackId, string? resourceName) => (stackId ?? string.Empty) + "/" + resourceName;
    }
}
