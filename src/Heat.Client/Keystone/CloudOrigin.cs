using Newtonsoft.Json.Linq;

namespace Heat.Client.Keystone
{
    /// <summary>Where a cloud's settings came from, to name a missing piece the way the user wrote it.</summary>
    public sealed class CloudOrigin
    {
        private CloudOrigin() { }

        /// <summary>The cloud's name in clouds.yaml; null for the OS_* variables.</summary>
        public string? CloudName { get; private set; }

        public string? ConfigPath { get; private set; }

        public string? SecurePath { get; private set; }

        public bool IsEnvironment => CloudName == null;

        /// <summary>
        /// The clouds file was found in the current folder (not named by OS_CLIENT_CONFIG_FILE): a file that whoever wrote
        /// the folder chose, such as a cloned repository.
        /// </summary>
        public bool ConfigFromCurrentFolder { get; private set; }

        /// <summary>The secure file was found in the current folder too.</summary>
        public bool SecureFromCurrentFolder { get; private set; }

        /// <summary>This cloud's entry in the secure file (keys normalized); null when it has none.</summary>
        internal JObject? SecureCloud { get; private set; }

        internal static CloudOrigin Environment() => new CloudOrigin();

        internal static CloudOrigin File(string name, CloudConfig.CloudFiles files) => new CloudOrigin
        {
            CloudName = name,
            ConfigPath = files.ConfigPath,
            SecurePath = files.SecurePath,
            ConfigFromCurrentFolder = files.ConfigFromCurrentFolder,
            SecureFromCurrentFolder = files.SecureFromCurrentFolder,
            SecureCloud = files.SecureClouds?[name] as JObject,
        };

        /// <summary>Whether the secure file gives this cloud <paramref name="key"/> (under auth, or at the top as openstacksdk also reads it).</summary>
        internal bool SecureFileGives(string key) =>
            SecureCloud != null && ((SecureCloud["auth"] as JObject)?[key] != null || SecureCloud[key] != null);

        /// <summary>How a key is named to the user: OS_PASSWORD, or 'password' of cloud 'x' in the file.</summary>
        internal string Name(string key, bool underAuth) =>
            IsEnvironment ? "OS_" + key.ToUpperInvariant() : (underAuth ? "auth." : string.Empty) + key;

        public override string ToString() =>
            IsEnvironment ? "the OS_* environment variables"
                : $"cloud '{CloudName}' in {ConfigPath}" + (SecurePath != null ? " and " + SecurePath : string.Empty);
    }
}
