using System;
using Heat.PowerShell.Analysis;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Graphs;
using Heat.Client.Keystone;
using Heat.Client.Internal;
using Heat.Client.Templates;

namespace Heat.PowerShell.Errors
{
    /// <summary>
    /// The one map from what went wrong to what a script sees: the error id, its category, and what the user can do
    /// about it in this module's words. The client's exceptions carry the facts and never name a cmdlet or a parameter;
    /// the hint here does, and the record shows it after the exception's message (ErrorDetails.Message, which is what
    /// PowerShell prints; not also RecommendedAction, which PowerShell 7 would print a second time).
    /// Ids that start with "{noun}" take the cmdlet's noun (HeatStackNotFound, HeatEventNotFound ...). The first entry
    /// that matches wins, so a more specific type comes before its base.
    /// </summary>
    internal static class ErrorCatalog
    {
        private static readonly Entry[] Entries =
        {
            Entry.For<HeatNotFoundException>("{noun}NotFound", ErrorCategory.ObjectNotFound),
            Entry.For<HeatAuthenticationException>("HeatAuthenticationFailed", ErrorCategory.AuthenticationError),
            Entry.For<HeatProjectNotAuthorizedException>("HeatProjectNotAuthorized", ErrorCategory.PermissionDenied,
                advice: ErrorAdvice.ProjectNotAuthorized),
            Entry.For<HeatForbiddenException>("HeatAccessDenied", ErrorCategory.PermissionDenied, advice: ErrorAdvice.AccessDenied),
            Entry.For<HeatConflictException>("{noun}Conflict", ErrorCategory.ResourceExists),
            Entry.For<HeatBadRequestException>("{noun}Invalid", ErrorCategory.InvalidData, advice: ErrorAdvice.BadRequest),
            Entry.For<HeatServerException>("HeatServerError", ErrorCategory.InvalidResult),
            Entry.For<HeatStackFailedException>("{noun}Failed", ErrorCategory.InvalidResult),
            Entry.For<HeatOutcomeUnknownException>("{noun}OutcomeUnknown", ErrorCategory.InvalidResult),
            Entry.For<HeatReplaceRefusedException>("{noun}ReplaceRefused", ErrorCategory.InvalidOperation,
                hint: _ => "-NoReplace refuses an update that replaces resources; leave it out to let Heat replace them."),
            Entry.For<HeatActionRestrictedException>("{noun}ActionRestricted", ErrorCategory.InvalidOperation,
                hint: _ => "Heat would fail the update on it. Change the template so that the resource stays as it is, or lift the " +
                           "restriction (restricted_actions in the stack's environment, as -RestrictedAction writes it)."),
            Entry.For<HeatStackProtectedException>("{noun}Protected", ErrorCategory.PermissionDenied,
                hint: _ => "Unprotect-HeatStack lifts the protection. Heat itself and other clients do not honour it."),
            Entry.For<HeatPlanRefusedException>("HeatPlanOutdated", ErrorCategory.InvalidOperation, when: e => e.Problem == HeatPlanProblem.Outdated,
                hint: _ => "Make the plan again (New-HeatStackPlan) against the stack as it is now, and review it again."),
            Entry.For<HeatPlanRefusedException>("HeatPlanTargetMismatch", ErrorCategory.InvalidOperation, when: e => e.Problem == HeatPlanProblem.OtherTarget,
                hint: _ => "Connect to the cloud and project the plan was made for (Get-HeatStackPlan shows its Target)."),
            Entry.For<HeatPlanRefusedException>("HeatPlanParameterMissing", ErrorCategory.InvalidArgument, when: e => e.Problem == HeatPlanProblem.Parameters,
                hint: _ => "Give each of the plan's SecretParameters with -Parameter, and no other parameter."),
            Entry.For<HeatPlanRefusedException>("HeatPlanInvalid", ErrorCategory.InvalidData),
            Entry.For<HeatStackPausedException>("{noun}PausedAtHook", ErrorCategory.OperationStopped,
                hint: _ => "Clear the hooks with Clear-HeatStackHook, then wait again."),
            Entry.For<HeatWaitTimeoutException>("{noun}Timeout", ErrorCategory.OperationTimeout),
            Entry.For<HeatEndpointNotFoundException>("HeatEndpointNotFound", ErrorCategory.ObjectNotFound,
                hint: e => e.ServiceType != null ? "Use -Region, -Interface or -HeatEndpoint." : "Give Heat's URL with -HeatEndpoint."),
            Entry.For<HeatIdentityNotFoundException>("HeatIdentityNotFound", ErrorCategory.ObjectNotFound),
            Entry.For<HeatUnscopedTokenException>("HeatTokenUnscoped", ErrorCategory.InvalidArgument,
                hint: _ => "Name the project with -ProjectName or -ProjectId."),
            Entry.For<HeatInvalidResponseException>("HeatInvalidResponse", ErrorCategory.InvalidResult),
            Entry.For<HeatRedirectRefusedException>("HeatRedirectRefused", ErrorCategory.SecurityError),
            Entry.For<HeatSessionClosedException>("HeatSessionClosed", ErrorCategory.ConnectionError,
                hint: _ => "Connect again with Connect-HeatService."),
            Entry.For<HeatHttpsUnsupportedException>("HeatHttpsUnsupported", ErrorCategory.ConnectionError, advice: ErrorAdvice.HttpsUnsupported),
            Entry.For<HeatConnectionException>("HeatRequestFailed", ErrorCategory.ConnectionError,
                hint: e => e.CertificateNotTrusted
                    ? "If the cloud's certificate comes from a private CA, give that CA's certificate with -CACertificatePath (or OS_CACERT, or cacert in clouds.yaml)."
                    : null),
            Entry.For<HeatException>("HeatRequestFailed", ErrorCategory.ConnectionError),
            Entry.For<CloudConfigException>("HeatCloudNotFound", ErrorCategory.ObjectNotFound,
                when: e => e.Problem == CloudConfigProblem.NotFound,
                hint: e => e.NoCloudChosen ? "Give -Cloud (or set OS_CLOUD), source an openrc file, or give -AuthUrl with -Credential." : null),
            Entry.For<CloudConfigException>("HeatCloudConfigIncomplete", ErrorCategory.InvalidArgument,
                when: e => e.Problem == CloudConfigProblem.Incomplete,
                hint: e => ParameterFor(e) == null ? null : "Or give " + ParameterFor(e) + "."),
            Entry.For<CloudConfigException>("HeatCloudConfigInvalid", ErrorCategory.InvalidData),
            Entry.For<TemplateException>("HeatTemplateInvalid", ErrorCategory.InvalidData,
                hint: e => e.Problem == TemplateProblem.EnvironmentAsTemplate ? "Give it with -EnvironmentPath beside a template." : null),
            Entry.For<Heat.Client.Fleet.StackSetException>("HeatStackSetInvalid", ErrorCategory.InvalidData),
            Entry.For<GraphvizNotFoundException>("HeatGraphvizNotFound", ErrorCategory.ObjectNotFound,
                hint: _ => "For the text instead: -Format Dot or Mermaid, or -OutFile graph.dot or graph.mmd."),
            Entry.For<GraphvizException>("HeatGraphvizFailed", ErrorCategory.InvalidResult),
            Entry.For<ItemNotFoundException>("{noun}NotFound", ErrorCategory.ObjectNotFound),
            Usage("HeatNotConnected", ErrorCategory.ConnectionError),
            Usage("HeatNameEmpty", ErrorCategory.InvalidArgument),
            Usage("HeatStackNotNamed", ErrorCategory.InvalidArgument),
            Usage("HeatStackTargetConflict", ErrorCategory.InvalidArgument),
            Usage("HeatRollbackConflict", ErrorCategory.InvalidArgument),
            Usage("HeatWaitTimeoutConflict", ErrorCategory.InvalidArgument),
            Usage("HeatAbandonPathAlone", ErrorCategory.InvalidArgument),
            Usage("HeatAbandonPathMissing", ErrorCategory.ObjectNotFound),
            Usage("HeatAuthUrlInvalid", ErrorCategory.InvalidArgument),
            Usage("HeatGraphOutFileReused", ErrorCategory.ResourceExists),
            Usage("HeatPlanOneStack", ErrorCategory.InvalidArgument),
            Usage("HeatAnalyzerSchemaConflict", ErrorCategory.InvalidArgument),
            Usage("HeatOneCloudOnly", ErrorCategory.InvalidArgument),
            Entry.For<AnalyzerException>("HeatAnalyzerSettingsInvalid", ErrorCategory.InvalidData, when: e => e.Problem == AnalyzerProblem.Settings),
            Entry.For<AnalyzerException>("HeatResourceSchemaInvalid", ErrorCategory.InvalidData, when: e => e.Problem == AnalyzerProblem.Schema,
                hint: _ => "Save schemas with Get-HeatResourceType * -Schema | ConvertTo-Json -Depth 12 | Set-Content schemas.json."),
            Entry.For<AnalyzerException>("HeatCustomRuleFailed", ErrorCategory.InvalidResult),
            Usage("HeatParameterGivenTwice", ErrorCategory.InvalidArgument),
            Entry.For<PSArgumentException>("{noun}ArgumentInvalid", ErrorCategory.InvalidArgument),
            Entry.For<PSInvalidOperationException>("{noun}InvalidOperation", ErrorCategory.InvalidOperation),
            Entry.For<ArgumentException>("{noun}ArgumentInvalid", ErrorCategory.InvalidArgument),
            Entry.For<AbandonDataNotSavedException>("HeatAbandonDataNotSaved", ErrorCategory.WriteError),
            Entry.For<FileNotFoundException>("HeatFileNotFound", ErrorCategory.ObjectNotFound),
            Entry.For<DirectoryNotFoundException>("HeatFileNotFound", ErrorCategory.ObjectNotFound),
            Entry.For<IOException>("HeatFileError", ErrorCategory.ReadError),
            Entry.For<UnauthorizedAccessException>("HeatFileError", ErrorCategory.PermissionDenied),
        };

        /// <summary>Every error id of the table, in its order ("{noun}" where the cmdlet's noun goes): what the help must explain.</summary>
        internal static IEnumerable<string> Ids => Entries.Select(e => e.Id);

        /// <summary>Whether a failure belongs to one item (written as a non-terminating error so the pipeline goes on).</summary>
        public static bool IsItemFailure(Exception exception) => Find(exception) != null;


        /// <summary>
        /// The record as the host will show it: its message (ErrorDetails, else the exception's) and the target name of its
        /// category line hold nothing a terminal would obey (<see cref="TerminalText"/>). The exception keeps its message as
        /// it came; a record whose text is clean is left as it is.
        /// </summary>
        public static ErrorRecord ForHost(ErrorRecord record)
        {
            if (record == null) return null;
            var shown = record.ErrorDetails?.Message ?? record.Exception?.Message;
            var action = record.ErrorDetails?.RecommendedAction;
            if (!TerminalText.IsClean(shown) || !TerminalText.IsClean(action))
            {
                record.ErrorDetails = new ErrorDetails(TerminalText.Text(shown)) { RecommendedAction = TerminalText.Text(action) };
            }
            var target = record.CategoryInfo.TargetName;
            if (!string.Equals(target, TerminalText.Line(target), StringComparison.Ordinal)) record.CategoryInfo.TargetName = TerminalText.Line(target);
            return record;
        }

        /// <summary>
        /// An error record for a failed call about <paramref name="target"/>, with the hint when there is one. A target
        /// that is text (a template URL, an auth URL) is shown with its credentials masked, as the client's messages are:
        /// the record goes to $Error and logs.
        /// </summary>
        public static ErrorRecord ToErrorRecord(Exception exception, string noun, object target)
        {
            if (target is string text) target = Secrets.RedactText(text);
            var entry = Find(exception);
            if (entry == null) return new ErrorRecord(exception, noun + "Error", ErrorCategory.NotSpecified, target);
            var record = new ErrorRecord(exception, entry.Id.Replace("{noun}", noun), entry.Category, target);
            var hint = entry.Hint?.Invoke(exception) ?? entry.Advice?.Invoke(exception, noun, target);
            if (hint != null)
            {
                record.ErrorDetails = new ErrorDetails(exception.Message + " " + hint);
            }
            return record;
        }

        /// <summary>
        /// An error one cloud of a fleet read wrote (already a record of this table, made in that cloud's runspace), as the
        /// fleet's own: its id, category, exception and target kept, its message led by the cloud's name.
        /// </summary>
        public static ErrorRecord FromCloud(ErrorRecord record, string cloud)
        {
            var id = record.FullyQualifiedErrorId?.Split(',')[0] ?? "HeatCloudFailed";
            return new ErrorRecord(record.Exception, id, record.CategoryInfo.Category, record.TargetObject)
            {
                ErrorDetails = new ErrorDetails(TerminalText.Text($"[{cloud}] {record.ErrorDetails?.Message ?? record.Exception?.Message}")),
            };
        }

        /// <summary>A row for one <see cref="HeatUsageException"/> id.</summary>
        private static Entry Usage(string id, ErrorCategory category) =>
            Entry.For<HeatUsageException>(id, category, when: e => e.ErrorId == id);

        /// <summary>
        /// The record of a usage error (<see cref="HeatUsageException"/>): <paramref name="id"/> must be a row of the
        /// table, so that every id a script can see is listed there (and explained in about_Heat.PowerShell).
        /// </summary>
        public static ErrorRecord Usage(string id, string message, object target = null, string parameter = null)
        {
            var exception = new HeatUsageException(id, message, parameter);
            if (Find(exception)?.Id != id) throw new InvalidOperationException($"{id} is not a row of the error table.");
            return ToErrorRecord(exception, "Heat", target);
        }

        private static Entry Find(Exception exception)
        {
            foreach (var entry in Entries)
            {
                if (entry.Matches(exception)) return entry;
            }
            return null;
        }

        /// <summary>The Connect-HeatService parameter that gives what a cloud's configuration lacks.</summary>
        private static string ParameterFor(CloudConfigException e)
        {
            switch (e.MissingSetting)
            {
                case "auth_url": return e.Method == AuthMethod.Token ? "-AuthUrl or -HeatEndpoint" : "-AuthUrl";
                case "username": return e.Method == AuthMethod.ApplicationCredential ? "-UserName" : "-Credential";
                case "password": return "-Credential";
                case "application_credential_id": return "-ApplicationCredentialId";
                case "application_credential_secret": return "-ApplicationCredentialSecret";
                case "token": return "-Token";
                default: return null;
            }
        }

        /// <summary>One row of the table: which exceptions, the id and category, and the hint (null: none).</summary>
        private sealed class Entry
        {
            private readonly Type _type;
            private readonly Func<Exception, bool> _when;

            private Entry(Type type, string id, ErrorCategory category, Func<Exception, bool> when, Func<Exception, string> hint,
                Func<Exception, string, object, string> advice)
            {
                _type = type;
                Id = id;
                Category = category;
                _when = when;
                Hint = hint;
                Advice = advice;
            }

            public string Id { get; }

            public ErrorCategory Category { get; }

            public Func<Exception, string> Hint { get; }

            /// <summary>A hint that also needs the cmdlet's noun and the record's target (<see cref="ErrorAdvice"/>).</summary>
            public Func<Exception, string, object, string> Advice { get; }

            public bool Matches(Exception exception) => _type.IsInstanceOfType(exception) && (_when == null || _when(exception));

            public static Entry For<T>(string id, ErrorCategory category, Func<T, bool> when = null, Func<T, string> hint = null,
                Func<Exception, string, object, string> advice = null) where T : Exception =>
                new Entry(typeof(T), id, category, when == null ? null : e => when((T)e), hint == null ? null : e => hint((T)e), advice);
        }
    }
}
