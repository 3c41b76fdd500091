using System;
using System.Collections.Generic;
using System.Linq;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Operations
{
    /// <summary>
    /// Waits for every operation of a command that waits, all at once, with progress, and reports each: an error record
    /// carrying Heat's reason and the failed resources' reasons when it did not reach its goal (a rollback that
    /// completed is a failure too), else what the operation writes when finished; then what it reports once ended.
    /// </summary>
    internal sealed class OperationWaits
    {
        private readonly HeatCmdlet _cmdlet;

        public OperationWaits(HeatCmdlet cmdlet) => _cmdlet = cmdlet;

        public void Finish(IReadOnlyList<WaitedOperation> waited)
        {
            if (waited.Count == 0) return;
            var pending = waited.Select(w => w.ToPending()).ToList();
            var goals = waited.Select(w => w.Operation.Goal).Distinct().ToList();
            var activity = goals.Count == 1 ? goals[0].Activity : WaitGoal.Any.Activity;
            var outcomes = _cmdlet.WaitForStacks(pending, activity);
            for (int i = 0; i < waited.Count; i++) Report(waited[i], outcomes[i]);
        }

        private void Report(WaitedOperation waited, WaitOutcome outcome)
        {
            var operation = waited.Operation;
            var goal = operation.Goal;
            if (outcome.Error != null)
            {
                _cmdlet.WriteError(HeatCmdlet.ToErrorRecord(outcome.Error, operation.WaitErrorNoun, outcome.Stack.ToString()));
                // A wait that timed out still gives the stack as last seen where failures are written: a runbook needs
                // its id to look at it or clean it up.
                var lastSeen = (outcome.Error as HeatWaitTimeoutException)?.LastSeen ?? (outcome.Error as HeatStackPausedException)?.LastSeen;
                if (operation.WriteFailed && lastSeen != null) Write(operation, waited.Sent, lastSeen);
                return;
            }
            bool failed = ReportFailure(outcome.Stack, outcome.Final, goal, operation.WaitErrorNoun);
            if (!failed || operation.WriteFailed) Write(operation, waited.Sent, outcome.Final);
            operation.Ended?.Invoke(_cmdlet, outcome.Stack, outcome.Final);
        }

        /// <summary>
        /// When <paramref name="final"/> is not what <paramref name="goal"/> expects (FAILED, or a rollback that
        /// completed), an error record with Heat's reason and the root causes, and true. Also what ends a followed event
        /// stream (Get-HeatEvent -Follow).
        /// </summary>
        internal bool ReportFailure(StackRef stack, HeatStack final, WaitGoal goal, string noun)
        {
            if (goal.Succeeded(final)) return false;
            var message = $"Stack {HeatCmdlet.Describe(stack)} is {final.StackStatus}, not {goal.Expected}";
            if (!string.IsNullOrEmpty(final.StackStatusReason)) message += ": " + final.StackStatusReason;
            message += RootCauses(stack);
            _cmdlet.WriteError(HeatCmdlet.ToErrorRecord(new HeatStackFailedException(message, final), noun, stack.ToString()));
            return true;
        }

        private void Write(StackOperation operation, Sent sent, HeatStack final)
        {
            var output = operation.Finished?.Invoke(_cmdlet, sent, final);
            if (output != null) _cmdlet.WriteObject(output);
        }

        /// <summary>
        /// ". Root causes: app.group.0.work: reason; ... (Get-HeatStackFailure app shows each in full)" for a stack that
        /// failed: the resources that really failed, however deep, named by their path as Get-HeatStackFailure names
        /// them, not every nested stack that failed because of them under its physical name.
        /// </summary>
        private string RootCauses(StackRef stack)
        {
            try
            {
                var causes = _cmdlet.Await(new FailureWalker(_cmdlet.Client).FindAsync(stack, new FailureWalkOptions(), _cmdlet.CancellationToken));
                if (causes.Count == 0) return string.Empty;
                return $". Root cause{(causes.Count == 1 ? string.Empty : "s")}: " +
                       string.Join("; ", causes.Select(c => $"{c.ResourcePath}: {c.ResourceStatusReason}")) +
                       $" (Get-HeatStackFailure {stack.StackName ?? stack.StackId} shows each in full)";
            }
            catch (HeatException)
            {
                return string.Empty;
            }
        }
    }
}
