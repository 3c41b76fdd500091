using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Heat.PowerShell.Support
{
    /// <summary>The statuses Heat gives stacks, resources and events: each action joined with each state.</summary>
    internal static class HeatStatuses
    {
        /// <summary>Heat's stack and resource actions (INIT is a resource's before it is created; SIGNAL is an event's when a resource is signalled).</summary>
        public static readonly string[] Actions =
            { "CREATE", "UPDATE", "DELETE", "ROLLBACK", "SUSPEND", "RESUME", "CHECK", "SNAPSHOT", "RESTORE", "ADOPT", "INIT", "SIGNAL" };

        public const string InProgress = "IN_PROGRESS";
        public const string Complete = "COMPLETE";
        public const string Failed = "FAILED";

        public static readonly string[] States = { InProgress, Complete, Failed };

        /// <summary>An action joined to a state, as Heat writes a status (CREATE_IN_PROGRESS).</summary>
        public static string Of(string action, string state) => action + "_" + state;

        /// <summary>Whether a status is in <paramref name="state"/> (CREATE_FAILED is FAILED).</summary>
        public static bool IsIn(string status, string state) => status != null && status.EndsWith("_" + state, System.StringComparison.Ordinal);

        /// <summary>Every full status, action by action.</summary>
        public static readonly string[] All = Actions.SelectMany(a => States.Select(s => a + "_" + s)).ToArray();

        /// <summary>A status, a state, or a pattern that matches at least one of them.</summary>
        public static bool IsValid(string value)
        {
            if (string.IsNullOrEmpty(value)) return false;
            if (All.Contains(value, StringComparer.OrdinalIgnoreCase) || States.Contains(value, StringComparer.OrdinalIgnoreCase)) return true;
            if (!Wildcards.IsPattern(value)) return false;
            var pattern = Wildcards.Pattern(value);
            return All.Any(pattern.IsMatch) || States.Any(pattern.IsMatch);
        }
    }
}
