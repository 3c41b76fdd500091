using System;
using Heat.Client.Internal;

namespace Heat.Client.Keystone
{
    /// <summary>
    /// The cloud's configuration cannot be used. The message names files, keys and variables, never a value that
    /// could be a secret.
    /// </summary>
    public sealed class CloudConfigException : Exception
    {
        public CloudConfigException(CloudConfigProblem problem, string message, Exception? inner = null)
            : base(Secrets.RedactText(message), Secrets.Redact(inner))
        {
            Problem = problem;
        }

        public CloudConfigProblem Problem { get; }

        /// <summary>For <see cref="CloudConfigProblem.Incomplete"/>: the clouds.yaml key that is missing ("auth_url",
        /// "username", "password", "application_credential_id", "application_credential_secret", "token").</summary>
        public string? MissingSetting { get; internal set; }

        /// <summary>For <see cref="CloudConfigProblem.Incomplete"/>: the authentication that needs <see cref="MissingSetting"/>.</summary>
        public AuthMethod? Method { get; internal set; }

        /// <summary>For <see cref="CloudConfigProblem.NotFound"/>: nothing named a cloud (no name given, no OS_CLOUD, no
        /// OS_* variables, and not exactly one cloud in the file).</summary>
        public bool NoCloudChosen { get; internal set; }
    }
}
