using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using Heat.Client;
using Heat.Client.Keystone;
using Heat.PowerShell.Cmdlets;
using RichardSzalay.MockHttp;

namespace Heat.PowerShell.Tests
{
    /// <summary>Runs script in an in-process runspace with the module loaded and $session bound to a fake Heat.</summary>
    internal sealed class PowerShellHost : IDisposable
    {
        public const string ProjectId = "p1";
        public const string Heat = "http://heat.test:8004/v1/" + ProjectId;

        private readonly Runspace _runspace;

        public PowerShellHost(MockHttpMessageHandler mock)
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
            Mock = mock;
            if (mock != null)
            {
                var token = new SecureString();
                foreach (var c in "test-token") token.AppendChar(c);
                Session = HeatSession.ConnectAsync(new AuthOptions { Method = AuthMethod.Token, Token = token, HeatEndpoint = Heat }, mock)
                    .GetAwaiter().GetResult();
                _runspace.SessionStateProxy.SetVariable("session", Session);
            }
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = _runspace;
                ps.AddCommand("Import-Module").AddParameter("Assembly", typeof(GetHeatStack).Assembly).Invoke();
            }
        }

        public MockHttpMessageHandler Mock { get; }

        public Runspace Runspace => _runspace;

        public HeatSession Session { get; }

        public Result Run(string script)
        {
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = _runspace;
                ps.AddScript(script);
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
                result.Errors = ps.Streams.Error.ToList();
                result.Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList();
                result.WhatIf = ps.Streams.Information.Select(i => i.MessageData?.ToString()).ToList();
                return result;
            }
        }

        /// <summary>
        /// The error that stopped <paramref name="command"/>, or null. Only a terminating error reaches catch when
        /// non-terminating ones are silenced, so this tells the two apart as a script would.
        /// </summary>
        public ErrorRecord Terminating(string command)
        {
            var result = Run("try { " + command + " -ErrorAction SilentlyContinue | Out-Null; $null } catch { $_ }");
            return result.Output.Select(o => o?.BaseObject).OfType<ErrorRecord>().FirstOrDefault();
        }

        public void Dispose()
        {
            _runspace.Dispose();
            Session?.Dispose();
        }

        internal sealed class Result
        {
            public List<PSObject> Output { get; set; }

            public List<ErrorRecord> Errors { get; set; }

            public ErrorRecord Terminating { get; set; }

            public List<string> Verbose { get; set; }

            public List<string> WhatIf { get; set; }

            public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();
        }
    }

    internal static class Json
    {
        public static string Stack(string name, string id, string status = "CREATE_COMPLETE", string tags = "[]") => @"{
            ""id"": """ + id + @""", ""stack_name"": """ + name + @""", ""stack_status"": """ + status + @""",
            ""stack_status_reason"": ""reason of " + name + @""", ""creation_time"": ""2026-11-25T10:00:00Z"", ""tags"": " + tags + @",
            ""links"": [{""href"": """ + PowerShellHost.Heat + "/stacks/" + name + "/" + id + @""", ""rel"": ""self""}]}";

        public static string Event(string id, string resource, string status, string stack, string stackId, string physical = null) => @"{
            ""id"": """ + id + @""", ""event_time"": ""2026-11-25T10:00:01Z"", ""resource_name"": """ + resource + @""",
            ""logical_resource_id"": """ + resource + @""", ""physical_resource_id"": """ + (physical ?? "phys-" + resource) + @""",
            ""resource_status"": """ + status + @""", ""resource_status_reason"": ""state changed"",
            ""links"": [{""href"": """ + PowerShellHost.Heat + "/stacks/" + stack + "/" + stackId + @""", ""rel"": ""stack""}]}";

        public static string Resource(string name, string type, string stack, string stackId) => @"{
            ""resource_name"": """ + name + @""", ""logical_resource_id"": """ + name + @""", ""physical_resource_id"": ""phys-" + name + @""",
            ""resource_type"": """ + type + @""", ""resource_status"": ""CREATE_COMPLETE"", ""resource_status_reason"": ""state changed"",
            ""creation_time"": ""2026-11-25T10:00:00Z"", ""required_by"": [],
            ""links"": [{""href"": """ + PowerShellHost.Heat + "/stacks/" + stack + "/" + stackId + @""", ""rel"": ""stack""}]}";
    }
}
