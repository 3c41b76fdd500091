using System;
using Heat.Client.Models;

namespace Heat.Client.Errors
{
    /// <summary>A wait that reached its deadline; <see cref="LastSeen"/> is the stack as last read (null when never read).</summary>
    public sealed class HeatWaitTimeoutException : TimeoutException
    {
        public HeatWaitTimeoutException(string message, HeatStack lastSeen, Exception inner = null)
            : base(message, inner)
        {
            LastSeen = lastSeen;
        }

        public HeatStack LastSeen { get; }
    }
}
