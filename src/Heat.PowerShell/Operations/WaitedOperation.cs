using Heat.Client;

namespace Heat.PowerShell.Operations
{
    /// <summary>An operation whose request was answered, with what its wait needs.</summary>
    internal sealed class WaitedOperation
    {
        public WaitedOperation(StackOperation operation, Sent sent, string marker)
        {
            Operation = operation;
            Sent = sent;
            Marker = marker;
        }

        public StackOperation Operation { get; }

        public Sent Sent { get; }

        /// <summary>The newest event before the request: the wait reads only what follows.</summary>
        public string Marker { get; }

        /// <summary>The wait's part: the stack, its goal, how long, and from where.</summary>
        public PendingWait ToPending() => new PendingWait(Sent.Stack, Operation.Goal, new StackWatchOptions
        {
            Actions = Operation.Goal.Actions,
            Timeout = Operation.WaitTimeout,
            Marker = Marker,
            AfterAction = Marker != null,
            IsNew = Operation.Target == null && Operation.Send != null,
            UntilGone = Operation.Goal.UntilGone,
        });
    }
}
