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
                _cmdlet.WriteError(HeatCmdlet.ToErrorRecord(outcome.Error, operation.ErrorNoun, outcome.Stack.ToString()));
                // A wait that timed out still gives the stack as last seen where failures are written: a runbook needs
                // its id to look at it or clean it up.
                var lastSeen = (outcome.Error as HeatWaitTimeoutException)?.LastSeen ?? (outcome.Error as HeatStackPausedException)?.LastSeen;
                if (operation.WriteFailed && lastSeen != null) Write(operation, waited.Sent, lastSeen);
                return;
            }
            bool failed = !goal.Succeeded(outcome.Final);
            if (failed)
            {
                var final = outcome.Final;
                var message = $"Stack {HeatCmdlet.Describe(outcome.Stack)} is {final.StackStatus}, not {goal.Expected}";
                if (!string.IsNullOrEmpty(final.StackStatusReason)) message += ": " + final.StackStatusReason;
                message += FailedResources(outcome.Stack);
                _cmdlet.WriteError(HeatCmdlet.ToErrorRecord(new HeatStackFailedException(message, final), operation.ErrorNoun, outcome.Stack.ToString()));
            }
            if (!failed || operation.WriteFailed) Write(operation, waited.Sent, outcome.Final);
            operation.Ended?.Invoke(_cmdlet, outcome.Stack, outcome.Final);
        }

        private void Write(StackOperation operation, Sent sent, HeatStack final)
        {
            var output = operation.Finished?.Invoke(_cmdlet, sent, final);
            if (output != null) _cmdlet.WriteObject(output);
        }

        /// <summary>" Failed resources: name (type) STATUS: reason; ..." for a stack that failed, nested ones included.</summary>
        private string FailedResources(StackRef stack)
        {
            try
            {
                var options = new ResourceListOptions { NestedDepth = 5 };
                options.Statuses.Add("FAILED");
                var failed = _cmdlet.Await(_cmdlet.Client.Resources.ListAsync(stack, options, _cmdlet.CancellationToken));
                if (failed.Count == 0) return string.Empty;
                return ". Failed resources: " + string.Join("; ", failed.Select(r =>
                    $"{(r.StackName != stack.StackName ? r.StackName + "/" : string.Empty)}{r.ResourceName} ({r.ResourceType}) {r.ResourceStatus}: {r.ResourceStatusReason}"));
            }
            catch (HeatException)
            {
                return string.Empty;
            }
        }
    }
}
