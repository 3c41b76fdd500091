using System;
using System.Management.Automation;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// The one timeout convention of every cmdlet that waits: -WaitTimeoutMinutes, 1 to 10080 (a week). Older names stay
    /// as aliases where the unit is the same (-FollowTimeoutMinutes), or as hidden parameters that convert where it is
    /// not (Wait-HeatStack -Timeout/-TimeoutSec, in seconds).
    /// </summary>
    internal static class WaitTimeouts
    {
        public const int MaxMinutes = 7 * 24 * 60;

        /// <summary>-WaitTimeoutMinutes, or an older seconds parameter when that is the one given; both is an error.</summary>
        public static TimeSpan Of(PSCmdlet cmdlet, int minutes, string secondsParameter, int seconds)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (!bound.ContainsKey(secondsParameter)) return TimeSpan.FromMinutes(minutes);
            if (bound.ContainsKey("WaitTimeoutMinutes"))
            {
                cmdlet.ThrowTerminatingError(ErrorCatalog.Usage("HeatWaitTimeoutConflict",
                    $"-{secondsParameter} (seconds) and -WaitTimeoutMinutes say the same thing: give -WaitTimeoutMinutes only."));
            }
            return TimeSpan.FromSeconds(seconds);
        }
    }
}
