using System;
using System.IO;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Graphs;
using Heat.Client.Templates;

namespace Heat.PowerShell
{
    /// <summary>
    /// The one map from what went wrong to what a script sees: the error id, its category, and for failures whose
    /// message says only what happened, what to do (<see cref="ErrorAdvice"/>: shown after the message and kept as the
    /// record's RecommendedAction). Ids that start with "{noun}" take the cmdlet's noun (HeatStackNotFound,
    /// HeatEventNotFound ...). The first entry whose type matches wins, so a more specific type comes before its base.
    /// </summary>
    internal static class ErrorCatalog
    {
        private static readonly (Type Type, string Id, ErrorCategory Category, Func<Exception, string, object, string> Advice)[] Entries =
        {
            (typeof(HeatNotFoundException), "{noun}NotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(HeatAuthenticationException), "HeatAuthenticationFailed", ErrorCategory.AuthenticationError, null),
            (typeof(HeatProjectNotAuthorizedException), "HeatProjectNotAuthorized", ErrorCategory.PermissionDenied, ErrorAdvice.ProjectNotAuthorized),
            (typeof(HeatIdentityNotFoundException), "HeatIdentityNotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(HeatUnscopedTokenException), "HeatTokenUnscoped", ErrorCategory.InvalidArgument, null),
            (typeof(HeatForbiddenException), "HeatAccessDenied", ErrorCategory.PermissionDenied, ErrorAdvice.AccessDenied),
            (typeof(HeatConflictException), "{noun}Conflict", ErrorCategory.ResourceExists, null),
            (typeof(HeatBadRequestException), "{noun}Invalid", ErrorCategory.InvalidData, ErrorAdvice.BadRequest),
            (typeof(HeatServerException), "HeatServerError", ErrorCategory.InvalidResult, null),
            (typeof(HeatStackFailedException), "{noun}Failed", ErrorCategory.InvalidResult, null),
            (typeof(HeatOutcomeUnknownException), "{noun}OutcomeUnknown", ErrorCategory.InvalidResult, null),
            (typeof(HeatReplaceRefusedException), "{noun}ReplaceRefused", ErrorCategory.InvalidOperation, null),
            (typeof(HeatStackPausedException), "{noun}PausedAtHook", ErrorCategory.OperationStopped, null),
            (typeof(HeatEndpointNotFoundException), "HeatEndpointNotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(HeatInvalidResponseException), "HeatInvalidResponse", ErrorCategory.InvalidResult, null),
            (typeof(HeatRedirectRefusedException), "HeatRedirectRefused", ErrorCategory.SecurityError, null),
            (typeof(HeatSessionClosedException), "HeatSessionClosed", ErrorCategory.ConnectionError, null),
            (typeof(HeatHttpsUnsupportedException), "HeatHttpsUnsupported", ErrorCategory.ConnectionError, ErrorAdvice.HttpsUnsupported),
            (typeof(HeatConnectionException), "HeatRequestFailed", ErrorCategory.ConnectionError, null),
            (typeof(HeatException), "HeatRequestFailed", ErrorCategory.ConnectionError, null),
            (typeof(TimeoutException), "{noun}Timeout", ErrorCategory.OperationTimeout, null),
            (typeof(TemplateException), "HeatTemplateInvalid", ErrorCategory.InvalidData, null),
            (typeof(GraphvizNotFoundException), "HeatGraphvizNotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(GraphvizException), "HeatGraphvizFailed", ErrorCategory.InvalidResult, null),
            (typeof(ItemNotFoundException), "{noun}NotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(PSArgumentException), "{noun}ArgumentInvalid", ErrorCategory.InvalidArgument, null),
            (typeof(PSInvalidOperationException), "{noun}InvalidOperation", ErrorCategory.InvalidOperation, null),
            (typeof(ArgumentException), "{noun}ArgumentInvalid", ErrorCategory.InvalidArgument, null),
            (typeof(FileNotFoundException), "HeatFileNotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(DirectoryNotFoundException), "HeatFileNotFound", ErrorCategory.ObjectNotFound, null),
            (typeof(IOException), "HeatFileError", ErrorCategory.ReadError, null),
            (typeof(UnauthorizedAccessException), "HeatFileError", ErrorCategory.PermissionDenied, null),
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

        /// <summary>An error record for a failed call about <paramref name="target"/>.</summary>
        public static ErrorRecord ToErrorRecord(Exception exception, string noun, object target)
        {
            foreach (var entry in Entries)
            {
                if (entry.Type.IsInstanceOfType(exception))
                {
                    var record = new ErrorRecord(exception, entry.Id.Replace("{noun}", noun), entry.Category, target);
                    var advice = entry.Advice?.Invoke(exception, noun, target);
                    if (advice != null) record.ErrorDetails = new ErrorDetails(exception.Message + " " + advice) { RecommendedAction = advice };
                    return record;
                }
            }
            return new ErrorRecord(exception, noun + "Error", ErrorCategory.NotSpecified, target);
        }
    }
}
