namespace Heat.Client.Keystone
{
    /// <summary>Where a cloud's settings came from, to name a missing piece the way the user wrote it.</summary>
    public sealed class CloudOrigin
    {
        private CloudOrigin() { }

        /// <summary>The cloud's name in clouds.yaml; null for the OS_* variables.</summary>
        public string CloudName { get; private set; }

        public string ConfigPath { get; private set; }

        public string SecurePath { get; private set; }

        public bool IsEnvironment => CloudName == null;

        internal static CloudOrigin Environment() => new CloudOrigin();

        internal static CloudOrigin File(string name, string configPath, string securePath) =>
            new CloudOrigin { CloudName = name, ConfigPath = configPath, SecurePath = securePath };

        /// <summary>How a key is named to the user: OS_PASSWORD, or 'password' of cloud 'x' in the file.</summary>
        internal string Name(string key, bool underAuth) =>
            IsEnvironment ? "OS_" + key.ToUpperInvariant() : (underAuth ? "auth." : string.Empty) + key;

        public override string ToString() =>
            IsEnvironment ? "the OS_* environment variables"
                : $"cloud '{CloudName}' in {ConfigPath}" + (SecurePath != null ? " and " + SecurePath : string.Empty);
    }
}
