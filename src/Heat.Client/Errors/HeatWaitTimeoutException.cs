using System;
using Heat.Client.Models;

namespace Heat.Client.Errors
{
    /// <summary>A wait that reached its deadline with the stack still in progress, or with Heat not answering.</summary>
    public sealed class HeatWaitTimeoutException : HeatException
    {
        public HeatWaitTimeoutException(string message, StackRef stack, string? lastStatus, TimeSpan timeout, HeatStack? lastSeen, Exception? inner = null)
            : base(message, inner)
        {
            Stack = stack;
            LastStatus = lastStatus;
            Timeout = timeout;
            LastSeen = lastSeen;
        }

        /// <summary>The stack waited for.</summary>
        public StackRef Stack { get; }

        /// <summary>The newest status the wait saw (an event's or the stack's); null when it saw none.</summary>
        public string? LastStatus { get; }

        /// <summary>How long the wait was allowed.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>The stack as last read (null when never read).</summary>
        public HeatStack? LastSeen { get; }
    }
}
