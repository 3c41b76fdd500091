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
        // (sessions cross runspaces, so their types must be the same ones everywhere).
        private static int s_registered;

        /// <summary>Called by Import-Module: hooks the resolution of the module's libraries.</summary>
        public void OnImport()
        {
            if (Interlocked.Exchange(ref s_registered, 1) == 1)
            {
                return;
            }

            try
            {
                var folder = Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location), FolderName);
                // A development build (the xunit host) keeps everything beside this assembly: nothing to do.
                if (!Directory.Exists(folder))
                {
                    return;
                }

                if (IsCoreClr)
                {
                    try
                    {
                        RegisterIsolated(folder);
                        return;
                    }
                    catch (Exception)
                    {
                        // Something in this runtime is not as expected: load the dependencies the shared way
                        // below rather than fail the import (the module then works, without the isolation).
                    }
                }

                SharedResolver.Register(folder);
            }
            catch (Exception)
            {
                // Import must not fail here; a missing assembly shows later as the error of the cmdlet that needs it.
            }
        }

        private static bool IsCoreClr => typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;

        // Kept out of line: on .NET Framework this method is never compiled, so the AssemblyLoadContext type it
        // names is never looked for there.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterIsolated(string folder) => HeatLoadContext.Register(folder);
    }

    /// <summary>
    /// Windows PowerShell 5.1 (and the fallback): resolve by simple name from the Dependencies folder into the one
    /// shared context, as if the files sat beside the module; any version asked for is answered with the one
    /// shipped, which is what a binding redirect would do.
    /// </summary>
    internal static class SharedResolver
    {
        private static string s_folder;

        internal static void Register(string folder)
        {
            s_folder = folder;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var path = Path.Combine(s_folder, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
