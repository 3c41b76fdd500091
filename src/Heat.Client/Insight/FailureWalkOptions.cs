using System;
namespace Heat.Client.Insight
{
    /// <summary>How far and how hard a <see cref="FailureWalker"/> looks.</summary>
    public sealed class FailureWalkOptions
    {
        public const int DefaultMaxDepth = 10;

        /// <summary>Nested stacks walked below the top. Heat's own max_nested_stack_depth is 5 by default, so 10 is
        /// only reached by an odd deployment or a server that answers in circles.</summary>
        public int MaxDepth { get; set; } = DefaultMaxDepth;

        /// <summary>The resources to walk to: FAILED (why a stack failed) or IN_PROGRESS (what a stack that is still in
        /// progress waits on). A nested stack resource in that state leads to its stack's resources in that state.</summary>
        public string State { get; set; } = Models.HeatStatus.Failed;

        /// <summary>Only resources that failed this action (CHECK, for a check's report); null: any action.</summary>
        public string? Action { get; set; }

        /// <summary>Requests in flight at once: a group of fifty failed members is not fifty requests at a time.</summary>
        public int MaxConcurrentRequests { get; set; } = 4;

        /// <summary>Called (from any thread) as each stack of the walk has been looked at: a count for progress.</summary>
        public Action? StackWalked { get; set; }
    }
}
