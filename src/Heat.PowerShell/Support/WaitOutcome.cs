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
    /// <summary>The outcome of waiting for one stack.</summary>
    internal sealed class WaitOutcome
    {
        public StackRef Stack { get; set; }

        public HeatStack Final { get; set; }

        public Exception Error { get; set; }
    }
}
