using System;
using System.Text.RegularExpressions;
using Heat.Client.Models;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// The Hint of a HeatStackFailure: for a failure, what usually lies behind the reasons operators meet most (a token
    /// that ran out in a long stack, a resource still in use, a quota, no valid host, a restricted action), read from
    /// Heat's own reason and never guessed when it says nothing of the kind; for a stack still in progress, how what
    /// holds it would go on (a hook to clear, a signal to send). Commands in a hint quote Heat's names as PowerShell
    /// reads them back, so a name copied from a hint is data, never code.
    /// </summary>
    internal static class FailureHints
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

        private static readonly (Regex Reason, string Hint)[] Reasons =
        {
            (Pattern(@"token (has )?expired|could not find token|requires authentication|authentication (required|failed)|\bunauthori[sz]ed\b|\b401\b"),
                "A token ran out while Heat worked on a long stack: unless the cloud gives Heat trusts (deferred_auth_method = trusts), " +
                "it acts with the token it was given. Ask the cloud's operators; retry with Update-HeatStack -Existing."),
            (Pattern(@"\bin[ _-]?use\b|\bInUse\b|is being used"),
                "Something outside the stack still uses it (Heat's reason names it where the service said): detach or delete that, then remove or update again."),
            (Pattern(@"quota|\bover ?limit\b"),
                "The project's quota for this kind of resource is used up: free some, or ask for more, then retry (Update-HeatStack -Existing)."),
            (Pattern(@"no valid host"),
                "Nova found no host for the server: the flavor asks for more than a host has free, or the zone, image or flavor " +
                "properties rule every host out. A smaller flavor, another zone, or more capacity from the operators."),
            (Pattern(@"is restricted for resource"),
                "The stack's environment restricts this action for the resource (restricted_actions): keep the resource as it is, " +
                "or lift the restriction in the environment."),
        };

        /// <summary>The hint for a failure, or null when Heat's reason says nothing this knows.</summary>
        public static string ForFailure(HeatStackFailure failure)
        {
            var said = failure.ResourceStatusReason ?? string.Empty;
            foreach (var (reason, hint) in Reasons)
            {
                if (Matches(reason, said)) return hint;
            }
            return null;
        }

        /// <summary>How what holds a stack in progress would go on, or null when nothing but Heat itself moves it.</summary>
        public static string ForHold(HeatStackFailure hold)
        {
            var stack = CompletionLists.Quote(hold.StackName ?? string.Empty);
            if (hold.Hook != null)
            {
                return $"Paused at the {hold.Hook} hook until it is cleared: Clear-HeatStackHook -StackName {stack} " +
                       $"-ResourceName {CompletionLists.Quote(hold.ResourceName ?? string.Empty)} lets it go on.";
            }
            if (hold.SignalResource == null) return null;
            var target = CompletionLists.Quote(hold.SignalResource);
            return hold.IsDeployment
                ? "Waits for the agent on its server to run the configuration and report. To complete it by hand: " +
                  $"Send-HeatResourceSignal -StackName {stack} -ResourceName {target} -Data @{{ deploy_status_code = 0 }}"
                : $"Waits for a signal to {hold.SignalResource} (its curl_cli attribute is what a server runs). By hand: " +
                  $"Send-HeatResourceSignal -StackName {stack} -ResourceName {target} -Data @{{ status = 'SUCCESS' }}";
        }

        private static Regex Pattern(string pattern) => new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Limit);

        private static bool Matches(Regex reason, string said)
        {
            try
            {
                return reason.IsMatch(said);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
