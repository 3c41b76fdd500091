using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Heat.Tests.Shared
{
    /// <summary>
    /// Raises the thread pool's floor for the test process. The tests call the client synchronously, as PowerShell's
    /// pipeline thread does, and xunit runs many at once; on two cores the pool starts with two threads and adds about
    /// two a second, so a request's continuation could queue behind blocked threads for longer than the request's own
    /// timeout, and a test failed at random with "timed out" or a retried request. A user's pwsh runs one pipeline; the
    /// floor gives each test the same footing.
    /// </summary>
    internal static class ThreadPoolFloor
    {
        public const int Threads = 64;

        [ModuleInitializer]
        internal static void Raise()
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, Threads), Math.Max(io, Threads));
        }
    }
}
