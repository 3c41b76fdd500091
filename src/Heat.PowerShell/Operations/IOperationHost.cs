using System;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client;

namespace Heat.PowerShell.Operations
{
    /// <summary>What an operation's report may use of the cmdlet that runs it: never its bound parameters.</summary>
    internal interface IOperationHost
    {
        HeatClient Client { get; }

        CancellationToken CancellationToken { get; }

        /// <summary>Waits for a task on the pipeline thread (Ctrl+C stops it).</summary>
        T Await<T>(Task<T> task);

        void WriteObject(object value);

        void WriteVerbose(string text);

        /// <summary>Runs one item's work; a failure is a non-terminating error record and false.</summary>
        bool TryItem(string noun, object target, Action work);
    }
}
