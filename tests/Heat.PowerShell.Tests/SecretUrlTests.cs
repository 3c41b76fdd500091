using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Heat.Client;
using Heat.Client.Keystone;
using Heat.Tests.Shared;
using Xunit;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// A URL that carries a credential (a Swift temp URL's signature, user:password@) and fails: the error record that goes
    /// to $Error (its message, target, category, exception and inner exceptions) and the verbose stream never hold it.
    /// </summary>
    public class SecretUrlTests
    {
        private static readonly string[] Secrets = { "hunter2-SECRET", "SIG-SECRET", "KEY-SECRET" };

        private static string Signed(string authority) =>
            "http://deploy:hunter2-SECRET@" + authority + "/v1/AUTH_x/t.yaml?temp_url_sig=SIG-SECRET&temp_url_expires=1900000000&api_key=KEY-SECRET";

        /// <summary>Everything of an error record that $Error, a transcript or Export-Clixml would carry.</summary>
        private static string Readable(ErrorRecord record)
        {
            var parts = new List<string>
            {
                record.ToString(), record.FullyQualifiedErrorId, Convert.ToString(record.TargetObject), record.CategoryInfo.ToString(),
                record.CategoryInfo.TargetName, record.ErrorDetails?.Message, record.Exception.ToString(),
            };
            for (var e = record.Exception; e != null; e = e.InnerException)
            {
                parts.Add(e.Message);
                parts.AddRange(e.GetType().GetProperties()
                    .Where(p => p.PropertyType == typeof(Uri) || p.PropertyType == typeof(string))
                    .Select(p => Convert.ToString(p.GetValue(e))));
            }
            return string.Join("\n", parts);
        }

        private static void AssertNoSecret(string text)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }

        [Fact]
        public async Task A_signed_template_url_that_times_out_leaves_no_credential_in_the_error_or_the_verbose_stream()
        {
            using var server = new FakeServer(_ => new FakeReply { Delay = TimeSpan.FromSeconds(30) });
            using var session = await HeatSession.ConnectAsync(new AuthOptions
            {
                Method = AuthMethod.Token,
                Token = FakeHeat.Secure(FakeHeat.Token),
                HeatEndpoint = server.Url("v1/p1"),
                Timeout = TimeSpan.FromSeconds(1),
                MaxRetries = 1,
                RetryDelay = TimeSpan.FromMilliseconds(10),
            });
            using var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("s", session);
            host.Runspace.SessionStateProxy.SetVariable("url", Signed(server.BaseUrl.Substring(7)));

            var result = host.Run("Test-HeatTemplate -TemplateUrl $url -Session $s -Verbose");

            var error = Assert.Single(result.Errors);
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET "));
            AssertNoSecret(Readable(error));
            AssertNoSecret(string.Join("\n", result.Verbose));
            AssertNoSecret(string.Join("\n", result.HostLines));
            Assert.Contains("temp_url_sig=***", Convert.ToString(error.TargetObject));
        }

        [Fact]
        public void An_auth_url_with_a_password_in_it_that_refuses_leaves_it_out_of_the_error()
        {
            using var host = new PowerShellHost(null);
            host.Runspace.SessionStateProxy.SetVariable("authUrl", "http://demo:hunter2-SECRET@127.0.0.1:" + FakeServer.ClosedPort() + "/v3?api_key=KEY-SECRET");
            host.Runspace.SessionStateProxy.SetVariable("credential", new PSCredential("demo", FakeHeat.Secure(FakeHeat.Password)));

            var result = host.RunExpectingTermination("Connect-HeatService $authUrl $credential -ProjectName demo -MaxRetries 0 -Verbose");

            Assert.StartsWith("HeatRequestFailed,", result.Terminating.FullyQualifiedErrorId);
            AssertNoSecret(Readable(result.Terminating));
            AssertNoSecret(string.Join("\n", result.Verbose));
        }
    }
}
