using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Heat.PowerShell.Loading
{
    /// <summary>
    /// PowerShell 7: the assembly load context that holds Heat.Client and its private libraries (the pattern of
    /// "Resolving PowerShell module assembly dependency conflicts"). This assembly stays in the default context;
    /// when it first needs Heat.Client, the default context cannot find it (it is in Dependencies/) and asks
    /// <see cref="ResolveEngine"/>, which loads it here. Everything Heat.Client then needs is looked up by
    /// <see cref="Load"/>: a library the platform already carries at the version asked for or later
    /// (Newtonsoft.Json, whose JTokens cross to the cmdlets; System.* and Microsoft.Bcl.AsyncInterfaces, whose
    /// types such as ValueTask must be the runtime's own) is shared with the default context; the rest
    /// (YamlDotNet, Polly.Core, Microsoft.Bcl.TimeProvider) is loaded here, whatever else the process holds.
    /// Internal, and named only from a method that .NET Framework never compiles: Windows PowerShell lists only
    /// public types when it imports the module, so it never tries to load this one.
    /// </summary>
    internal sealed class HeatLoadContext : AssemblyLoadContext
    {
        private const string EngineName = "Heat.Client";

        // Names that must be one type on both sides of the boundary: when the platform lacks them, the default
        // context loads ours (ResolveEngine) and this context uses that copy.
        private static readonly string[] SharedWithDefault = { "Newtonsoft.Json" };

        private readonly string _folder;
        private readonly object _gate = new object();
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, string> _platform;

        private HeatLoadContext(string folder)
        {
            _folder = folder;
        }

        internal static void Register(string folder)
        {
            var context = new HeatLoadContext(folder);
            Default.Resolving += context.ResolveEngine;
        }

        /// <summary>The default context could not find an assembly: answer for Heat.Client (and a shared library
        /// the platform lacks), nothing else.</summary>
        private Assembly ResolveEngine(AssemblyLoadContext context, AssemblyName name)
        {
            if (string.Equals(name.Name, EngineName, StringComparison.OrdinalIgnoreCase))
            {
                return LoadFromAssemblyName(name);
            }

            if (IsShared(name.Name) && TryGetPath(name.Name, out var path))
            {
                return Default.LoadFromAssemblyPath(path);
            }

            return null;
        }

        /// <summary>Heat.Client and what it references, in this context.</summary>
        protected override Assembly Load(AssemblyName name)
        {
            if (name.Name == null)
            {
                return null;
            }

            if (IsShared(name.Name))
            {
                // The default context's copy (pwsh's own, or ours loaded there by ResolveEngine).
                return Default.LoadFromAssemblyName(name);
            }

            if (!TryGetPath(name.Name, out var path) || PlatformHas(name))
            {
                return null;
            }

            lock (_gate)
            {
                if (!_loaded.TryGetValue(name.Name, out var assembly))
                {
                    assembly = LoadFromAssemblyPath(path);
                    _loaded[name.Name] = assembly;
                }

                return assembly;
            }
        }

        private static bool IsShared(string name) => Array.IndexOf(SharedWithDefault, name) >= 0;

        private bool TryGetPath(string name, out string path)
        {
            path = null;
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return false;
            }

            var candidate = Path.Combine(_folder, name + ".dll");
            if (!File.Exists(candidate))
            {
                return false;
            }

            path = candidate;
            return true;
        }

        /// <summary>Whether the platform (pwsh's trusted assemblies) carries this library at the version asked for
        /// or later: then the runtime's copy serves both contexts.</summary>
        private bool PlatformHas(AssemblyName name)
        {
            if (_platform == null)
            {
                var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
                foreach (var file in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                {
                    map[Path.GetFileNameWithoutExtension(file)] = file;
                }

                _platform = map;
            }

            if (!_platform.TryGetValue(name.Name, out var platformPath))
            {
                return false;
            }

            try
            {
                var platformVersion = GetAssemblyName(platformPath).Version;
                return name.Version == null || (platformVersion != null && platformVersion >= name.Version);
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
