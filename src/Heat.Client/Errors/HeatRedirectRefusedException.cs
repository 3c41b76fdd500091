using System;
using Heat.Client.Internal;

namespace Heat.Client.Errors
{
    /// <summary>
    /// A redirect the module will not follow: to another scheme, host or port while the request carries a token or a
    /// password, from https to http, to a scheme other than http(s), or too many in a row.
    /// </summary>
    public sealed class HeatRedirectRefusedException : HeatException
    {
        public HeatRedirectRefusedException(Uri from, Uri to, string why)
            : base($"Refused to follow the redirect from {from} to {to}: {why}.")
        {
            From = Secrets.RedactUri(from);
            To = Secrets.RedactUri(to);
        }

        public Uri? From { get; }

        public Uri? To { get; }
    }
}
