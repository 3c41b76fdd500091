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

        public static readonly string[] States = { "IN_PROGRESS", "COMPLETE", "FAILED" };

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

    /// <summary>
    /// Refuses a -Status that no stack, resource or event can have: a typo would otherwise match nothing and look like
    /// "nothing is in that state". Wildcards pass when they match a status (*_FAILED, CREATE_*).
    /// </summary>
    internal sealed class ValidateHeatStatusAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var value = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString();
            if (HeatStatuses.IsValid(value)) return;
            throw new ValidationMetadataException(
                $"'{value}' is not a Heat status. Give a status ({string.Join(", ", HeatStatuses.All.Where(s => !s.StartsWith("INIT_", StringComparison.Ordinal)).Take(6))} ...: " +
                $"an action {string.Join("|", HeatStatuses.Actions)} joined to a state), a state ({string.Join(", ", HeatStatuses.States)}), " +
                "or a wildcard that matches one (*_FAILED, UPDATE_*).");
        }
    }

    /// <summary>Completes -Status with Heat's states and statuses.</summary>
    public sealed class HeatStatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionLists.Results(HeatStatuses.States.Concat(HeatStatuses.All).Select(s => new CompletionItem(s, s)), wordToComplete);
    }
}
