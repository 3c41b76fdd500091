using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Heat.ModuleLoad
{
    /// <summary>
    /// mono Heat.ModuleLoad.exe MODULE_FOLDER TEMPLATE: imports the built module as Windows PowerShell 5.1 would, then
    /// uses it as a 5.1 user's first commands would (a template loaded, a connection made through the retry pipeline),
    /// and reports where each assembly came from. Exit code 0 when all of it ran; the Pester test judges the report.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var report = new Report();
            try
            {
                var moduleFolder = Path.GetFullPath(args[0]);
                report.Add("runtime", RuntimeInformation.FrameworkDescription + (Type.GetType("Mono.Runtime") != null ? " (Mono)" : string.Empty));
                // Windows PowerShell 5.1's runtime has no AssemblyLoadContext: the module then loads its libraries the
                // Framework's way. Mono's class library has none either; this says so, should that change.
                report.Add("assembly-load-context", typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") == null ? "absent" : "present");

                WindowsPowerShellImport.Import(moduleFolder, report);
                var client = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Heat.Client")
                             ?? System.Reflection.Assembly.LoadFrom(Path.Combine(moduleFolder, "Heat.Client.dll"));

                LoadTemplate(client, Path.GetFullPath(args[1]), report);
                Connect(client, report);

                foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
                {
                    report.Add("loaded", assembly.GetName().Name, assembly.IsDynamic ? string.Empty : assembly.Location);
                }
                return 0;
            }
            catch (Exception e)
            {
                report.Add("error", e.ToString());
                return 1;
            }
        }

        /// <summary>Test-HeatTemplate's and New-HeatStack's first step: YamlDotNet reads, Newtonsoft.Json holds the result.</summary>
        private static void LoadTemplate(System.Reflection.Assembly client, string path, Report report)
        {
            var request = Late.New(client, "Heat.Client.Templates.TemplateRequest");
            Late.Set(request, "TemplatePath", path);
            var bundle = Late.CallStatic(client, "Heat.Client.Templates.TemplateLoader", "CheckLocal", request);
            var template = Late.Get(bundle, "Template");
            var formatting = template.GetType().Assembly.GetType("Newtonsoft.Json.Formatting", true);
            var converters = template.GetType().Assembly.GetType("Newtonsoft.Json.JsonConverter", true);
            var json = Late.Call(template, "ToString", new[] { formatting, converters.MakeArrayType() },
                Enum.ToObject(formatting, 0), Array.CreateInstance(converters, 0));
            report.Add("template", (string)json);
            foreach (var file in ((IDictionary<string, string>)Late.Get(bundle, "Files")).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                report.Add("file", file.Key, Sha256(file.Value));
            }
        }

        /// <summary>Connect-HeatService: a Keystone token request through the one sender, retried once after a 503.</summary>
        private static void Connect(System.Reflection.Assembly client, Report report)
        {
            using (var keystone = new FakeKeystone())
            {
                var options = Late.New(client, "Heat.Client.Keystone.AuthOptions");
                Late.Set(options, "AuthUrl", keystone.AuthUrl);
                Late.Set(options, "UserName", "demo");
                Late.Set(options, "Password", Secure("not-a-real-password"));
                Late.Set(options, "ProjectName", "demo");
                Late.Set(options, "MaxRetries", 1);
                Late.Set(options, "Timeout", TimeSpan.FromSeconds(30));
                var trace = new List<string>();
                Action<string> traced = line => { lock (trace) trace.Add(line); };
                var session = Late.Await(Late.CallStatic(client, "Heat.Client.HeatSession", "ConnectAsync", options, null, traced, CancellationToken.None));
                using ((IDisposable)session)
                {
                    report.Add("heat-endpoint", (string)Late.Get(session, "HeatEndpoint"));
                    report.Add("keystone-requests", keystone.Requests.ToString());
                    lock (trace) foreach (var line in trace) report.Add("trace", line);
                }
            }
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        private static string Sha256(string text)
        {
            using (var sha = SHA256.Create())
            {
                return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2")));
            }
        }
    }
}
