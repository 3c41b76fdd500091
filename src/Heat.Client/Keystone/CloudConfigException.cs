using System;
using Heat.Client.Internal;

namespace Heat.Client.Keystone
{
    /// <summary>What was wrong with the cloud's configuration (clouds.yaml, secure.yaml, OS_* variables).</summary>
    public enum CloudConfigProblem
    {
        /// <summary>No cloud by that name, or nothing to connect to at all.</summary>
        NotFound,

        /// <summary>A piece the chosen authentication needs is missing (the message names the key or variable).</summary>
        Incomplete,

        /// <summary>A file that cannot be read or parsed, or a value of the wrong kind.</summary>
        Invalid,
    }

    /// <summary>
    /// The cloud's configuration cannot be used. The message names files, keys and variables, never a value that
    /// could be a secret.
    /// </summary>
    public sealed class CloudConfigException : Exception
    {
        public CloudConfigException(CloudConfigProblem problem, string message, Exception inner = null)
            : base(Secrets.RedactText(message), Secrets.Redact(inner))
        {
            Problem = problem;
        }

        public CloudConfigProblem Problem { get; }
    }
}
