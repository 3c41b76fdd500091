using System;
using Heat.Client.Internal;

namespace Heat.Client.Models
{
    /// <summary>
    /// Heat's statuses: an action joined to a state ("CREATE_IN_PROGRESS"). The words Heat uses, so that code names a
    /// status by a constant rather than by a string typed again, and the splitting of a status into its two parts.
    /// </summary>
    internal static class HeatStatus
    {
        public const string Create = "CREATE";
        public const string Update = "UPDATE";
        public const string Delete = "DELETE";

        public const string InProgress = "IN_PROGRESS";
        public const string Complete = "COMPLETE";
        public const string Failed = "FAILED";

        public const string CreateInProgress = Create + "_" + InProgress;
        public const string DeleteInProgress = Delete + "_" + InProgress;
        public const string DeleteComplete = Delete + "_" + Complete;

        /// <summary>The status of <paramref name="action"/> in <paramref name="state"/>: "UPDATE", "COMPLETE" → "UPDATE_COMPLETE".</summary>
        public static string Of(string? action, string state) => action + "_" + state;

        public static string? Action(string? status)
        {
            if (Strings.IsNullOrEmpty(status)) return null;
            int i = status.IndexOf('_');
            return i > 0 ? status.Substring(0, i) : null;
        }

        public static string? State(string? status)
        {
            if (Strings.IsNullOrEmpty(status)) return null;
            int i = status.IndexOf('_');
            return i > 0 ? status.Substring(i + 1) : status;
        }

        /// <summary>Whether a status is an action's <paramref name="state"/> ("X_IN_PROGRESS" for <see cref="InProgress"/>).</summary>
        public static bool IsIn(string? status, string state) => status != null && status.EndsWith("_" + state, StringComparison.Ordinal);
    }
}
