using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Heat.PowerShell.Loading
{
    /// <summary>
    /// PowerShell 7: the assembly load context that holds the module's third-party libraries (YamlDotNet,
    /// Polly.Core, Microsoft.Bcl.TimeProvider), after "Resolving PowerShell module assembly dependency conflicts".
    /// Heat.PowerShell and Heat.Client stay in the default context, where PowerShell sees their types (scripts
    /// write [Heat.Client.Models.HeatStack]; types in a custom context are invisible to PowerShell's type names).
    /// The libraries sit in Dependencies/, where no default probing finds them; when one of the module's own
    /// assemblies asks for one, <see cref="DependencyLoader"/> loads it here, whatever version of it the default
    /// context holds or will hold for another module. A library the platform carries at the version asked for or
    /// later (Newtonsoft.Json, System.*, Microsoft.Bcl.AsyncInterfaces: types such as JToken and ValueTask must be
    /// the runtime's own on both sides) is never loaded here: <see cref="Load"/> leaves it to the default context.
    /// Internal, and named only from a method that .NET Framework never compiles: Windows PowerShell lists only
    /// public types when it imports the module, so it never tries to load this one.
    /// </summary>
    internal sealed class HeatLoadContext : AssemblyLoadContext
    {
        private static readonly object s_create = new object();
        private static HeatLoadContext s_instance;

        private readonly string _folder;
        private readonly object _gate = new object();
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, string> _platform;

        private HeatLoadContext(string folder)
        {
            _folder = folder;
        }

        /// <summary>The one context of the process, made on first use.</summary>
        internal static HeatLoadContext For(string folder)
        {
            lock (s_create)
            {
                return s_instance ?? (s_instance = new HeatLoadContext(folder));
            }
        }

        /// <summary>A library of the module's, and what it references in turn, in this context.</summary>
        protected override Assembly Load(AssemblyName name)
        {
            if (name.Name == null)
            {
                return null;
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
