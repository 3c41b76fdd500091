using System;
using System.IO;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Graphs;
using Heat.Client.Internal;
using Heat.Client.Templates;

namespace Heat.PowerShell
{
    /// <summary>
    /// The one map from what went wrong to what a script sees: the error id and its category. Ids that start with
    /// "{noun}" take the cmdlet's noun (HeatStackNotFound, HeatEventNotFound ...). The first entry whose type matches
    /// wins, so a more specific type comes before its base.
    /// </summary>
    internal static class ErrorCatalog
    {
        private static readonly (Type Type, string Id, ErrorCategory Category)[] Entries =
        {
            (typeof(HeatNotFoundException), "{noun}NotFound", ErrorCategory.ObjectNotFound),
            (typeof(HeatAuthenticationException), "HeatAuthenticationFailed", ErrorCategory.AuthenticationError),
            (typeof(HeatForbiddenException), "HeatAccessDenied", ErrorCategory.PermissionDenied),
            (typeof(HeatConflictException), "{noun}Conflict", ErrorCategory.ResourceExists),
            (typeof(HeatBadRequestException), "{noun}Invalid", ErrorCategory.InvalidData),
            (typeof(HeatServerException), "HeatServerError", ErrorCategory.InvalidResult),
            (typeof(HeatStackFailedException), "{noun}Failed", ErrorCategory.InvalidResult),
            (typeof(HeatOutcomeUnknownException), "{noun}OutcomeUnknown", ErrorCategory.InvalidResult),
            (typeof(HeatReplaceRefusedException), "{noun}ReplaceRefused", ErrorCategory.InvalidOperation),
            (typeof(HeatStackPausedException), "{noun}PausedAtHook", ErrorCategory.OperationStopped),
            (typeof(HeatEndpointNotFoundException), "HeatEndpointNotFound", ErrorCategory.ObjectNotFound),
            (typeof(HeatInvalidResponseException), "HeatInvalidResponse", ErrorCategory.InvalidResult),
            (typeof(HeatRedirectRefusedException), "HeatRedirectRefused", ErrorCategory.SecurityError),
            (typeof(HeatSessionClosedException), "HeatSessionClosed", ErrorCategory.ConnectionError),
            (typeof(HeatConnectionException), "HeatRequestFailed", ErrorCategory.ConnectionError),
            (typeof(HeatException), "HeatRequestFailed", ErrorCategory.ConnectionError),
            (typeof(TimeoutException), "{noun}Timeout", ErrorCategory.OperationTimeout),
            (typeof(TemplateException), "HeatTemplateInvalid", ErrorCategory.InvalidData),
            (typeof(GraphvizNotFoundException), "HeatGraphvizNotFound", ErrorCategory.ObjectNotFound),
            (typeof(GraphvizException), "HeatGraphvizFailed", ErrorCategory.InvalidResult),
            (typeof(ItemNotFoundException), "{noun}NotFound", ErrorCategory.ObjectNotFound),
            (typeof(PSArgumentException), "{noun}ArgumentInvalid", ErrorCategory.InvalidArgument),
            (typeof(PSInvalidOperationException), "{noun}InvalidOperation", ErrorCategory.InvalidOperation),
            (typeof(ArgumentException), "{noun}ArgumentInvalid", ErrorCategory.InvalidArgument),
            (typeof(FileNotFoundException), "HeatFileNotFound", ErrorCategory.ObjectNotFound),
            (typeof(DirectoryNotFoundException), "HeatFileNotFound", ErrorCategory.ObjectNotFound),
            (typeof(IOException), "HeatFileError", ErrorCategory.ReadError),
            (typeof(UnauthorizedAccessException), "HeatFileError", ErrorCategory.PermissionDenied),
        };

        /// <summary>Whether a failure belongs to one item (written as a non-terminating error so the pipeline goes on).</summary>
        public static bool IsItemFailure(Exception exception)
        {
            foreach (var entry in Entries)
            {
                if (entry.Type.IsInstanceOfType(exception)) return true;
            }
            return false;
        }

        /// <summary>
        /// An error record for a failed call about <paramref name="target"/>. A target that is text (a template URL, an auth
        /// URL) is shown with its credentials masked, as the client's messages are: the record goes to $Error and logs.
        /// </summary>
        public static ErrorRecord ToErrorRecord(Exception exception, string noun, object target)
        {
            if (target is string text) target = Secrets.RedactText(text);
            foreach (var entry in Entries)
            {
                if (entry.Type.IsInstanceOfType(exception))
                {
                    return new ErrorRecord(exception, entry.Id.Replace("{noun}", noun), entry.Category, target);
                }
            }
            return new ErrorRecord(exception, noun + "Error", ErrorCategory.NotSpecified, target);
        }
    }
}
