using System;
using System.Net;
using System.Runtime.InteropServices;

namespace Heat.Client.Http
{
    /// <summary>
    /// Windows PowerShell 5.1 runs on .NET Framework, where HttpClient takes its protocols from
    /// <see cref="ServicePointManager.SecurityProtocol"/>; in powershell.exe that is often SSL 3 and TLS 1.0 only, which
    /// current clouds refuse. TLS 1.2 is added to what is there (nothing is removed); "system default" (0) is left to
    /// the OS. On .NET (PowerShell 7) HttpClient does not read this setting, so nothing is changed there.
    /// </summary>
    internal static class TlsDefaults
    {
        private static readonly object Gate = new object();
        private static bool _done;

        public static void EnsureTls12()
        {
            if (_done) return;
            lock (Gate)
            {
                if (_done) return;
                _done = true;
                if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)) return;
                AddTls12();
            }
        }

        /// <summary>The rule itself, apart from the runtime check (for tests).</summary>
        internal static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
            (int)current == 0 || (current & SecurityProtocolType.Tls12) != 0 ? current : current | SecurityProtocolType.Tls12;

        private static void AddTls12()
        {
            try
            {
                ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
            }
            catch (NotSupportedException)
            {
                // A runtime without TLS 1.2 cannot be helped here; the connection error will say what failed.
            }
        }
    }
}
