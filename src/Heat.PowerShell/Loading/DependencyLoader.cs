using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Heat.PowerShell.Loading
{
    /// <summary>
    /// Finds the libraries the module uses (YamlDotNet, Polly.Core ...) in its Dependencies folder, where
    /// PowerShell's own probing does not look. On PowerShell 7 they load into an assembly load context of their
    /// own, so that another module's YamlDotNet, loaded before or after this module, is never confused with ours.
    /// PowerShell runs this when the module is imported; it is not meant to be called.
    /// </summary>
    public sealed class DependencyLoader : IModuleAssemblyInitializer
    {
        internal const string FolderName = "Dependencies";

        // Once per process: every runspace that imports the module shares the one handler and the one context
        // (sessions cross runspaces, so their types must be the same ones everywhere). The handler stays for the
        // life of the process: an assembly once loaded cannot be unloaded, and it answers only the module's own.
        private static int s_registered;
        private static string s_moduleFolder;
        private static string s_folder;
        private static bool s_isolate;

        /// <summary>Called by Import-Module: hooks the resolution of the module's libraries. Nothing loads here.</summary>
        public void OnImport()
        {
            if (Interlocked.Exchange(ref s_registered, 1) == 1)
            {
                return;
            }

            try
            {
                var moduleFolder = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location);
                var folder = Path.Combine(moduleFolder, FolderName);
                // A development build (the xunit host) keeps everything beside this assembly: nothing to do.
                if (!Directory.Exists(folder))
                {
                    return;
                }

                s_moduleFolder = moduleFolder;
                s_folder = folder;
                s_isolate = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;
                // AssemblyResolve, not AssemblyLoadContext.Default.Resolving: only it names the requesting assembly,
                // so that another module asking for its YamlDotNet is never answered with ours. .NET raises it when
                // the default context has no such assembly and also when it holds another version of it.
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
            catch (Exception)
            {
                // Import must not fail here; a missing assembly shows later as the error of the cmdlet that needs it.
            }
        }

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            string path;
            AssemblyName name;
            try
            {
                name = new AssemblyName(args.Name);
                if (string.IsNullOrEmpty(name.Name) || name.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    return null;
                }

                path = Path.Combine(s_folder, name.Name + ".dll");
                if (!File.Exists(path))
                {
                    return null;
                }
            }
            catch (Exception)
            {
                return null;
            }

            if (s_isolate)
            {
                var requester = args.RequestingAssembly;
                if (requester == null || requester.IsDynamic || !IsModuleAssembly(requester))
                {
                    return null;
                }

                try
                {
                    return LoadIsolated(name);
                }
                catch (Exception)
                {
                    // Something in this runtime is not as expected: load it the shared way below rather than fail
                    // (the module then works unless another version is already loaded, as before the isolation).
                }
            }

            // Windows PowerShell 5.1: into the one shared context, as if the file sat beside the module; any version
            // asked for is answered with the one shipped, which is what a binding redirect would do.
            try
            {
                return Assembly.LoadFrom(path);
            }
            catch (Exception)
            {
                return null;
            }
        }

        // Heat.PowerShell and Heat.Client in the module folder, or a library of ours in Dependencies/ (Polly.Core asks
        // for Microsoft.Bcl.TimeProvider); not a same-named assembly of someone else's.
        private static bool IsModuleAssembly(Assembly assembly)
        {
            var folder = Path.GetDirectoryName(assembly.Location);
            return string.Equals(folder, s_moduleFolder, StringComparison.Ordinal) || string.Equals(folder, s_folder, StringComparison.Ordinal);
        }

        // Kept out of line: on .NET Framework this method is never compiled, so the AssemblyLoadContext type behind
        // it is never looked for there; on PowerShell 7 the context is made when the first library is needed.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Assembly LoadIsolated(AssemblyName name) => HeatLoadContext.For(s_folder).LoadFromAssemblyName(name);
    }
}
