using System;
using System.Collections.Generic;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// What an action's wait waits for, and what counts as success: the actions whose events end it, the status a stack
    /// shows once the action began, and the one it must end in. Every status is an action joined to a state
    /// (<see cref="HeatStatuses"/>), built here, never written out.
    /// </summary>
    internal sealed class WaitGoal
    {
        private const string InProgress = HeatStatuses.InProgress;
        private const string Complete = HeatStatuses.Complete;
        private const string Failed = HeatStatuses.Failed;

        private WaitGoal(string activity, string started, string expected, IList<string> actions, Func<HeatStack, bool> succeeded, bool untilGone = false)
        {
            Activity = activity;
            Started = started;
            Expected = expected;
            Actions = actions;
            Succeeded = succeeded;
            UntilGone = untilGone;
        }

        /// <summary>The progress activity ("Creating Heat stacks").</summary>
        public string Activity { get; }

        /// <summary>The status a stack shows once the action has begun (SUSPEND_IN_PROGRESS ...); null for a plain wait.</summary>
        public string Started { get; }

        /// <summary>The success status as a user reads it ("CREATE_COMPLETE", "a final state").</summary>
        public string Expected { get; }

        /// <summary>The actions whose events belong to this wait.</summary>
        public IList<string> Actions { get; }

        public Func<HeatStack, bool> Succeeded { get; }

        /// <summary>The wait ends only once Heat no longer lists the stack (a delete).</summary>
        public bool UntilGone { get; }

        public static string Status(string action, string state) => HeatStatuses.Of(action, state);

        public static readonly WaitGoal Create = Ends("Creating Heat stacks", "CREATE", "ROLLBACK");
        public static readonly WaitGoal Update = Ends("Updating Heat stacks", "UPDATE", "ROLLBACK");
        public static readonly WaitGoal Delete = Ends("Removing Heat stacks", "DELETE", untilGone: true);
        public static readonly WaitGoal Suspend = Ends("Suspending Heat stacks", "SUSPEND");
        public static readonly WaitGoal Resume = Ends("Resuming Heat stacks", "RESUME");
        public static readonly WaitGoal Check = Ends("Checking Heat stacks", "CHECK");
        public static readonly WaitGoal Snapshot = Ends("Taking snapshots of Heat stacks", "SNAPSHOT");
        public static readonly WaitGoal Restore = Ends("Restoring Heat stacks", "RESTORE");
        public static readonly WaitGoal Adopt = Ends("Adopting Heat stacks", "ADOPT", "ROLLBACK");

        /// <summary>A cancelled update rolls back: it begins as ROLLBACK_IN_PROGRESS and succeeds as ROLLBACK_COMPLETE.</summary>
        public static readonly WaitGoal CancelUpdate = new WaitGoal("Cancelling Heat stack updates", Status("ROLLBACK", InProgress),
            Status("ROLLBACK", Complete), new[] { "ROLLBACK", "UPDATE" }, s => s.StackStatus == Status("ROLLBACK", Complete));

        /// <summary>Cancelled without rollback, the update stops where it is: UPDATE_FAILED is what was asked for.</summary>
        public static readonly WaitGoal CancelWithoutRollback = new WaitGoal("Cancelling Heat stack updates", Status("UPDATE", InProgress),
            Status("UPDATE", Failed) + " (cancelled)", new[] { "UPDATE" }, s => s.StackStatus == Status("UPDATE", Failed));

        /// <summary>Whatever the stack is doing: any final state but FAILED and a completed rollback.</summary>
        public static readonly WaitGoal Any = new WaitGoal("Waiting for Heat stacks", null, "a final state that is not FAILED or ROLLBACK_COMPLETE",
            Array.Empty<string>(), s => s.StackStatus != null && s.StackStatus.EndsWith("_" + Complete, StringComparison.Ordinal) && s.StackStatus != Status("ROLLBACK", Complete));

        private static WaitGoal Ends(string activity, string action, string alsoEnding = null, bool untilGone = false)
        {
            var actions = new List<string> { action };
            if (alsoEnding != null) actions.Add(alsoEnding);
            var expected = Status(action, Complete);
            return new WaitGoal(activity, Status(action, InProgress), expected, actions, s => s.StackStatus == expected, untilGone);
        }
    }
}
