using System;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Operations
{
    /// <summary>
    /// One pipeline record's action on one stack, captured whole on the pipeline thread before anything runs: the
    /// target, the request (the template read, the parameters and tags built), what to wait for and how long, and what
    /// to write. It holds values and delegates over values only, never the cmdlet: PowerShell binds the next record
    /// into the same cmdlet while this one's request is still on its way, so nothing that runs later may read a bound
    /// parameter. <see cref="OperationRunner"/> runs it.
    /// </summary>
    internal sealed class StackOperation
    {
        public StackOperation(string action, StackRef target, string targetText, SendStack send)
        {
            Action = action;
            Target = target;
            TargetText = targetText ?? target?.ToString();
            Send = send;
        }

        /// <summary>What is done, for messages ("Suspend Heat stack").</summary>
        public string Action { get; }

        /// <summary>The stack to resolve and act on; null when the operation makes it (a create).</summary>
        public StackRef Target { get; }

        /// <summary>The stack as the user named it: the target of an error record.</summary>
        public string TargetText { get; }

        /// <summary>The request; null for an operation that only waits (Wait-HeatStack).</summary>
        public SendStack Send { get; }

        /// <summary>The noun of the error ids of the request itself (HeatStackSnapshot → HeatStackSnapshotNotFound); a
        /// stack not found is the stack's (HeatStackNotFound) whatever the operation.</summary>
        public string ErrorNoun { get; set; } = "HeatStack";

        /// <summary>The noun of what its wait reports (a snapshot that failed: HeatStackSnapshotFailed; a restore that
        /// failed is the stack's: HeatStackFailed); the request's own unless set.</summary>
        public string WaitErrorNoun
        {
            get => _waitErrorNoun ?? ErrorNoun;
            set => _waitErrorNoun = value;
        }

        private string _waitErrorNoun;

        /// <summary>What a wait waits for; null: the operation is not waited for.</summary>
        public WaitGoal Goal { get; set; }

        public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromHours(1);

        public bool Waits => Goal != null;

        /// <summary>Not waited for: what to write once the request was answered (null writes nothing).</summary>
        public Func<Sent, object> Started { get; set; }

        /// <summary>Waited for: what to write once the wait ended (null writes nothing); runs on the pipeline thread.</summary>
        public Func<IOperationHost, Sent, HeatStack, object> Finished { get; set; }

        /// <summary>Whether <see cref="Finished"/> writes a stack that failed too (after its error record).</summary>
        public bool WriteFailed { get; set; }

        /// <summary>After a wait that ended, failed or not: more to report about the result (pipeline thread).</summary>
        public Action<IOperationHost, StackRef, HeatStack> Ended { get; set; }
    }
}
