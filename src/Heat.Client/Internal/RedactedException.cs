using System;

namespace Heat.Client.Internal
{
    /// <summary>
    /// Stands in for an exception whose message held a credential (<see cref="Secrets.Redact"/>): the same message with
    /// the credential masked, and the name of the type it replaces. Its stack trace is not kept, as it is that of the
    /// place that copied it.
    /// </summary>
    internal sealed class RedactedException : Exception
    {
        public RedactedException(string originalType, string message, Exception inner) : base(message, inner)
        {
            OriginalType = originalType;
        }

        /// <summary>The full name of the exception's type before it was redacted (for example System.Net.Http.HttpRequestException).</summary>
        public string OriginalType { get; }

        public override string ToString() => OriginalType + " (redacted): " + Message +
            (InnerException == null ? string.Empty : " ---> " + InnerException);
    }
}
