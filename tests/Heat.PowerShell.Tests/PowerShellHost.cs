using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Heat.Client;
using Heat.PowerShell.Cmdlets;
using Heat.Tests.Shared;
using Xunit.Sdk;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// Runs script in an in-process runspace with the module loaded, a <see cref="TestHost"/> that keeps what the
    /// console would show, and <c>$session</c> bound to a fake Heat. <see cref="Run"/> fails the test when the script
    /// ends in a terminating error; a test that expects one says so with <see cref="RunExpectingTermination"/>.
    /// </summary>
    internal sealed class PowerShellHost : IDisposable
    {
        private const string TerminatingVariable = "__HeatTestTerminating";

        private readonly TestHost _host = new TestHost();

        /// <param name="heat">The fake the session talks to; null for a runspace that never connected.</param>
        public PowerShellHost(FakeHeat heat)
        {
            Runspace = RunspaceFactory.CreateRunspace(_host, InitialSessionState.CreateDefault2());
            Runspace.Open();
            Heat = heat;
            if (heat != null)
            {
                Session = heat.TokenSession();
                Runspace.SessionStateProxy.SetVariable("session", Session);
            }
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = Runspace;
                ps.AddCommand("Import-Module").AddParameter("Assembly", typeof(GetHeatStack).Assembly).Invoke();
            }
        }

        public FakeHeat Heat { get; }

        public Runspace Runspace { get; }

        public HeatSession Session { get; }

        public TestHost Host => _host;

        /// <summary>Runs <paramref name="script"/>; a terminating error fails the test, naming the error.</summary>
        public Result Run(string script)
        {
            var result = Invoke(script);
            if (result.Terminating != null)
            {
                var error = result.Terminating;
                throw new XunitException($"The script ended in a terminating error {error.FullyQualifiedErrorId}: {error.Exception?.Message}" +
                                         $"{Environment.NewLine}Script: {script}");
            }
            return result;
        }

        /// <summary>Runs <paramref name="script"/>, which must end in a terminating error (in <see cref="Result.Terminating"/>).</summary>
        public Result RunExpectingTermination(string script)
        {
            var result = Invoke(script);
            if (result.Terminating == null)
            {
                throw new XunitException($"The script was expected to end in a terminating error but did not; it wrote {result.Errors.Count} " +
                                         $"non-terminating error(s){string.Concat(result.Errors.Select(e => Environment.NewLine + "  " + e.FullyQualifiedErrorId))}" +
                                         $"{Environment.NewLine}Script: {script}");
            }
            return result;
        }

        /// <summary>Makes $session the runspace's default, as Connect-HeatService does, without a Keystone.</summary>
        public void MakeSessionTheDefault() => Run("[Heat.PowerShell.Tests.TestHooks]::SetDefault($session)");

        public void Dispose()
        {
            Runspace.Dispose();
            Session?.Dispose();
        }

        private Result Invoke(string script)
        {
            var hostLines = _host.Lines.Count;
            Runspace.SessionStateProxy.SetVariable(TerminatingVariable, null);
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = Runspace;
                // A statement-terminating error (ThrowTerminatingError, a failed parameter binding) would otherwise be
                // written to the error stream like any other and the script go on: only try/catch tells them apart.
                ps.AddScript("try {" + Environment.NewLine + script + Environment.NewLine + "} catch { $global:" + TerminatingVariable + " = $_ }");
                var result = new Result();
                try
                {
                    result.Output = ps.Invoke().ToList();
                }
                catch (RuntimeException e)
                {
                    result.Terminating = e.ErrorRecord;
                    result.Output = new List<PSObject>();
                }
                var caught = Runspace.SessionStateProxy.GetVariable(TerminatingVariable);
                result.Terminating = result.Terminating ?? (caught as ErrorRecord ?? (caught as PSObject)?.BaseObject as ErrorRecord);
                result.Errors = ps.Streams.Error.ToList();
                result.Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList();
                result.Progress = ps.Streams.Progress.ToList();
                result.HostLines = _host.Lines.Skip(hostLines).ToList();
                return result;
            }
        }

        internal sealed class Result
        {
            public List<PSObject> Output { get; set; }

            /// <summary>Non-terminating errors.</summary>
            public List<ErrorRecord> Errors { get; set; }

            public ErrorRecord Terminating { get; set; }

            public List<string> Verbose { get; set; }

            public List<ProgressRecord> Progress { get; set; }

            /// <summary>What the command wrote to the host (the console), line by line: "What if: ..." among others.</summary>
            public List<string> HostLines { get; set; }

            public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();
        }
    }

    public static class TestHooks
    {
        /// <summary>What Connect-HeatService does once it has a session; the fake session needs no Keystone.</summary>
        public static void SetDefault(HeatSession session) => SessionStore.Default = session;
    }
}
