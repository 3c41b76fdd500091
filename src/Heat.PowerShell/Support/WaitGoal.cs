using System;
using System.Collections.Generic;
using Heat.Client.Models;

namespace Heat.PowerShell
{
    /// <summary>
    /// What a -Wait waits for and what counts as success. Strict: a FAILED state, and a rollback that completed, are
    /// failures; the wait of every cmdlet reports them the same way.
    /// </summary>
    internal sealed class WaitGoal
    {
        private WaitGoal(string activity, string expected, IList<string> actions, Func<HeatStack, bool> succeeded, bool untilGone = false)
        {
            Activity = activity;
            Expected = expected;
            Actions = actions;
            Succeeded = succeeded;
            UntilGone = untilGone;
        }

        /// <summary>The progress bar's title.</summary>
        public string Activity { get; }

        /// <summary>The success status as a user reads it ("CREATE_COMPLETE", "a final state").</summary>
        public string Expected { get; }

        /// <summary>The actions whose end the wait waits for (empty: whatever the stack is doing).</summary>
        public IList<string> Actions { get; }

        public Func<HeatStack, bool> Succeeded { get; }

        public bool UntilGone { get; }

        public static readonly WaitGoal Create = Ends("Creating Heat stacks", "CREATE", "ROLLBACK");
        public static readonly WaitGoal Update = Ends("Updating Heat stacks", "UPDATE", "ROLLBACK");
        public static readonly WaitGoal Delete = new WaitGoal("Removing Heat stacks", "DELETE_COMPLETE", new[] { "DELETE" }, s => s.StackStatus == "DELETE_COMPLETE", untilGone: true);
        public static readonly WaitGoal Suspend = Ends("Suspending Heat stacks", "SUSPEND");
        public static readonly WaitGoal Resume = Ends("Resuming Heat stacks", "RESUME");
        public static readonly WaitGoal Check = Ends("Checking Heat stacks", "CHECK");
        public static readonly WaitGoal Snapshot = Ends("Taking snapshots of Heat stacks", "SNAPSHOT");
        public static readonly WaitGoal Restore = Ends("Restoring Heat stacks", "RESTORE");
        public static readonly WaitGoal Adopt = Ends("Adopting Heat stacks", "ADOPT", "ROLLBACK");

        /// <summary>Cancelling an update: Heat rolls back, and a rollback that completed is what was asked for.</summary>
        public static readonly WaitGoal CancelUpdate = new WaitGoal("Cancelling Heat stack updates", "ROLLBACK_COMPLETE", new[] { "ROLLBACK", "UPDATE" },
            s => s.StackStatus == "ROLLBACK_COMPLETE");

        /// <summary>Cancelling without rollback leaves the update FAILED, by design.</summary>
        public static readonly WaitGoal CancelWithoutRollback = new WaitGoal("Cancelling Heat stack updates", "UPDATE_FAILED (cancelled)", new[] { "UPDATE" },
            s => s.StackStatus == "UPDATE_FAILED");

        /// <summary>Wait-HeatStack: the end of whatever the stack is doing; a deleted stack counts as deleted.</summary>
        public static readonly WaitGoal Any = new WaitGoal("Waiting for Heat stacks", "a final state that is not FAILED or ROLLBACK_COMPLETE", new string[0],
            s => s.StackStatus != null && s.StackStatus.EndsWith("_COMPLETE", StringComparison.Ordinal) && s.StackStatus != "ROLLBACK_COMPLETE");

        private static WaitGoal Ends(string activity, string action, params string[] alsoEnding)
        {
            var actions = new List<string> { action };
            actions.AddRange(alsoEnding);
            var expected = action + "_COMPLETE";
            return new WaitGoal(activity, expected, actions, s => s.StackStatus == expected);
        }
    }
}
