using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>One stack to wait for, and what its wait waits for.</summary>
    internal sealed class PendingWait
    {
        public PendingWait(StackRef stack, WaitGoal goal, StackWatchOptions options)
        {
            Stack = stack;
            Goal = goal;
            Options = options;
        }

        public StackRef Stack { get; }

        public WaitGoal Goal { get; }

        public StackWatchOptions Options { get; }
    }
}
