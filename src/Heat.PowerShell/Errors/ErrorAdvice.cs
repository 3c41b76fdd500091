using System;
using System.Text.RegularExpressions;
using Heat.Client;

namespace Heat.PowerShell.Errors
{
    /// <summary>
    /// What to do about a failure, in this module's terms (its cmdlets and parameters), for the failures whose message
    /// says only what happened: the client's words name no cmdlet or parameter, and Heat's and Keystone's name neither.
    /// Each method answers null when it has nothing to add. <see cref="ErrorCatalog"/> says which applies to what.
    /// </summary>
    internal static class ErrorAdvice
    {
        /// <summary>Connect-HeatService -AuthUrl without a way to sign in: the ways there are.</summary>
        public const string MissingSignIn =
            "-AuthUrl names Keystone but not who signs in. Give -Credential (Get-Credential) with -ProjectName or -ProjectId; or " +
            "-ApplicationCredentialId and -ApplicationCredentialSecret; or -ApplicationCredentialName, -UserName and " +
            "-ApplicationCredentialSecret; or -Token with -HeatEndpoint or a project. Without -AuthUrl, Connect-HeatService reads " +
            "OS_CLOUD, the OS_* variables of an openrc, or clouds.yaml (-Cloud NAME).";

        public static string ProjectNotAuthorized(Exception exception, string noun, object target)
        {
            var refused = (HeatProjectNotAuthorizedException)exception;
            return $"Ask the cloud's administrator for a role on project '{refused.Project}' (openstack role add --user {refused.UserName} " +
                   $"--project {refused.Project} member), or name a project the user has a role on with -ProjectName (and -ProjectDomainName) " +
                   "or -ProjectId.";
        }

        public static string HttpsUnsupported(Exception exception, string noun, object target)
        {
            var unsupported = (HeatHttpsUnsupportedException)exception;
            if (target is string given && Uri.TryCreate(given, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps &&
                url.Authority == unsupported.FailedUri.Authority)
            {
                return $"Use {HeatHttpsUnsupportedException.PlainHttp(url)} (-AuthUrl, or OS_AUTH_URL, or auth_url in clouds.yaml), or the " +
                       "server's https address if it has one.";
            }
            return $"Use http://{unsupported.FailedUri.Authority}/ for it: if it is Heat's endpoint from Keystone's catalog, give Connect-HeatService " +
                   "-HeatEndpoint with http, and tell the cloud's administrator that the catalog names https.";
        }

        /// <summary>Heat's 403 names only its policy rule ("You are not authorized to use service:index.").</summary>
        public static string AccessDenied(Exception exception, string noun, object target)
        {
            var rule = Regex.Match(exception.Message ?? string.Empty, @"authorized to (?:use|complete) (?<rule>[\w:-]+)").Groups["rule"].Value;
            var which = rule.Length > 0 ? $"Heat's policy rule {rule}" : "Heat's policy";
            if (noun == "HeatService")
            {
                return $"{which} gives the list of Heat's engines to the cloud's administrators only: run it with the session of a user " +
                       "who has the admin role (Connect-HeatService, or -Session), or ask an administrator.";
            }
            return $"{which} does not allow this to the session's user with the roles they have on this project (some calls are for " +
                   "administrators only). Ask the cloud's administrator for the role it needs, or use the session of a user who has it (-Session).";
        }

        /// <summary>Heat's 400s whose words are its own exception's ("signal is not supported for resource.").</summary>
        public static string BadRequest(Exception exception, string noun, object target)
        {
            var heat = (HeatException)exception;
            switch (heat.ErrorType)
            {
                case "ResourceActionNotSupported" when heat.Message.StartsWith("signal", StringComparison.OrdinalIgnoreCase):
                    return $"Resource {target} does not take signals: only a resource that waits for one does (OS::Heat::WaitConditionHandle, " +
                           "a scaling policy, OS::Heat::SoftwareDeployment with signal_transport HEAT_SIGNAL, a resource paused at a hook: " +
                           "Clear-HeatStackHook). Get-HeatResource shows its ResourceType.";
                case "NotSupported" when heat.Message.StartsWith("Signal resource during", StringComparison.OrdinalIgnoreCase):
                    return $"Resource {target} takes no signals while it is suspended or deleted (its ResourceStatus, Get-HeatResource): " +
                           "resume the stack first (Resume-HeatStack).";
                default:
                    return null;
            }
        }
    }
}
