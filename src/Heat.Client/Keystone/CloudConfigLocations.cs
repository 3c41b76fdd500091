using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using Heat.Client.Internal;

namespace Heat.Client.Keystone
{
    /// <summary>Where to look for clouds.yaml and secure.yaml, and the environment to read OS_* variables from.</summary>
    public sealed class CloudConfigLocations
    {
        /// <param name="environment">The process's variables (OS_CLOUD, OS_AUTH_URL ...): names compared as the OS does.</param>
        public CloudConfigLocations(string currentDirectory, string homeDirectory, IDictionary<string, string> environment)
        {
            CurrentDirectory = currentDirectory;
            HomeDirectory = homeDirectory;
            Environment = environment ?? new Dictionary<string, string>();
        }

        /// <summary>openstacksdk's <c>os.getcwd()</c>; PowerShell passes its current file-system location.</summary>
        public string CurrentDirectory { get; }

        public string HomeDirectory { get; }

        public IDictionary<string, string> Environment { get; }

        /// <summary>This machine's home folder and environment, with <paramref name="currentDirectory"/> as the current folder.</summary>
        public static CloudConfigLocations ForThisMachine(string currentDirectory)
        {
            var comparer = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var variables = new Dictionary<string, string>(comparer);
            foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = (string)entry.Value;
            }
            var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return new CloudConfigLocations(currentDirectory ?? Directory.GetCurrentDirectory(), home, variables);
        }

        internal string? Variable(string name) => Environment.TryGetValue(name, out var value) && !Strings.IsNullOrEmpty(value) ? value : null;
    }
}
