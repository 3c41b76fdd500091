using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Users write statuses as Heat shows them (CREATE_FAILED), as a state (FAILED) or with wildcards (*_FAILED).
    /// Heat's filters take the state and the action apart; what Heat cannot filter is matched here.
    /// </summary>
    internal sealed class StatusFilter
    {
        private static readonly string[] States = HeatStatuses.States;
        private readonly string[] _values;
        private readonly WildcardPattern[] _patterns;

        public StatusFilter(string[] values)
        {
            _values = values ?? Array.Empty<string>();
            // Built once: Matches runs for every item of a list.
            _patterns = _values.Select(Wildcards.Pattern).ToArray();
        }

        public bool IsEmpty => _values.Length == 0;

        /// <summary>States Heat can filter on server-side; empty when any value needs local matching too.</summary>
        public IEnumerable<string> ServerStates =>
            _values.Length > 0 && _values.All(v => States.Contains(v.ToUpperInvariant()))
                ? _values.Select(v => v.ToUpperInvariant())
                : Enumerable.Empty<string>();

        public bool Matches(string fullStatus)
        {
            if (_values.Length == 0) return true;
            fullStatus = fullStatus ?? string.Empty;
            for (int i = 0; i < _values.Length; i++)
            {
                var upper = _values[i].ToUpperInvariant();
                if (States.Contains(upper))
                {
                    if (fullStatus.EndsWith("_" + upper, StringComparison.OrdinalIgnoreCase) || fullStatus.Equals(upper, StringComparison.OrdinalIgnoreCase)) return true;
                    continue;
                }
                if (_patterns[i].IsMatch(fullStatus)) return true;
            }
            return false;
        }
    }
}
