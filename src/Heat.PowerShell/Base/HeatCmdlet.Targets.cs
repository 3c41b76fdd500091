using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Base
{
    /// <summary>How a cmdlet turns the stacks a record names into stacks to act on or read.</summary>
    public abstract partial class HeatCmdlet
    {
        /// <summary>The most stacks a wildcard is matched against: past it the listing is an error, not a partial match
        /// (a server that invents pages for ever would otherwise grow it without end).</summary>
        internal const int MaxListedForWildcard = 100000;

        /// <summary>
        /// Whether this cmdlet changes what it names (it supports ShouldProcess): its wildcards act only on a complete
        /// listing and match names with their case, as Heat does (web and WEB are two stacks). A cmdlet that only reads
        /// matches without regard to case and shows what it could list.
        /// </summary>
        internal bool Changes => _changes ?? (bool)(_changes = ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute)))?.SupportsShouldProcess == true);

        private bool? _changes;

        /// <summary>
        /// The stacks that <paramref name="names"/> and <paramref name="id"/> name, a wildcard name matched against the
        /// list (each match once). A record that names no stack, or names it two ways that disagree, is one error
        /// record and nothing. Here rather than in <see cref="StackTargetCmdlet"/> so that a cmdlet whose stack
        /// parameters belong to one parameter set only (Get-HeatStackGraph: a stack or a template) resolves them the
        /// same way.
        /// </summary>
        protected IEnumerable<StackRef> ResolveTargets(string[] names, string id)
        {
            var targets = Targets(names, id);
            if (targets == null) yield break;
            List<HeatStack> listed = null;
            foreach (var target in targets)
            {
                if (target.StackId != null || !Wildcards.IsPattern(target.StackName))
                {
                    yield return target;
                    continue;
                }
                listed = listed ?? ListForWildcard(target.StackName);
                if (listed == null) yield break;
                var pattern = Wildcards.Pattern(target.StackName, caseSensitive: Changes);
                int matched = 0;
                // A stack Heat still lists as DELETE_COMPLETE just after its delete is gone: nothing to act on or read.
                foreach (var stack in listed.Where(s => s.StackName != null && pattern.IsMatch(s.StackName) && s.StackStatus != WaitGoal.Delete.Expected))
                {
                    matched++;
                    yield return RefOf(stack);
                }
                if (matched == 0) WriteVerbose($"No stack matches '{target.StackName}'.");
            }
        }

        /// <summary>
        /// Every stack, for matching a wildcard. For a cmdlet that changes stacks, a listing that fails part way is an
        /// error and null: acting on the first pages' matches would act on a list nobody saw whole.
        /// </summary>
        private List<HeatStack> ListForWildcard(string pattern)
        {
            var all = new List<HeatStack>();
            bool complete = TryItem("HeatStack", pattern, () =>
            {
                foreach (var stack in Stream(Client.Stacks.List(new StackListOptions(), CancellationToken)))
                {
                    if (all.Count >= MaxListedForWildcard)
                    {
                        throw new PSInvalidOperationException($"The stack list holds more than {MaxListedForWildcard} stacks: '{pattern}' is not " +
                            "matched against a list that long. Name the stacks, or narrow the list first (Get-HeatStack -Tag, -Status).");
                    }
                    all.Add(stack);
                }
            });
            if (complete || !Changes) return all;
            WriteVerbose($"The stack list could not be read whole: nothing is done for '{pattern}'.");
            return null;
        }

        /// <summary>
        /// The stacks named, as given, or null after an error record: nothing named (no -StackName, no -StackId, a piped
        /// object with neither property), or a contradiction (an id with several names or a wildcard, or a name and an
        /// id from two different places: one on the command line, the other from the piped object). An empty id (a
        /// blank CSV cell) counts as absent. Never a prompt, never a silent choice.
        /// </summary>
        protected IList<StackRef> Targets(string[] names, string id)
        {
            id = string.IsNullOrEmpty(id) ? null : id;
            names = names ?? Array.Empty<string>();
            string conflict = null;
            if (names.Length == 0 && id == null)
            {
                WriteError(ErrorCatalog.Usage("HeatStackNotNamed",
                    "No stack named: give -StackName (names, ids or wildcards), -StackId, or pipe objects that have a StackName or StackId property.",
                    parameter: "StackName"));
                return null;
            }
            if (id != null && names.Length > 1) conflict = $"-StackId {id} names one stack, and -StackName names {names.Length}";
            else if (id != null && names.Length == 1 && Wildcards.IsPattern(names[0])) conflict = $"-StackId {id} names one stack, and -StackName '{names[0]}' is a wildcard";
            else if (id != null && names.Length == 1 && FromCommandLine("StackName") != FromCommandLine("StackId"))
            {
                conflict = FromCommandLine("StackName")
                    ? $"-StackName '{names[0]}' is given on the command line, and the piped object names stack id {id}"
                    : $"-StackId {id} is given on the command line, and the piped object names stack '{names[0]}'";
            }
            if (conflict != null)
            {
                WriteError(ErrorCatalog.Usage("HeatStackTargetConflict", conflict + ": name each stack one way.", id, "StackId"));
                return null;
            }
            if (id != null) return new[] { names.Length == 1 ? new StackRef(names[0], id) : new StackRef(null, id) };
            return names.Select(StackRef.FromNameOrId).ToList();
        }

        /// <summary>Whether a parameter was given on the command line (bound before the first record), not by a piped object.</summary>
        private bool FromCommandLine(string parameter) => _commandLine != null && _commandLine.Contains(parameter);

        private HashSet<string> _commandLine;

        protected override void BeginProcessing()
        {
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Names a stack for a message: "name (id)".</summary>
        protected internal static string Describe(StackRef stack) =>
            stack.StackName != null && stack.StackId != null ? $"{stack.StackName} ({stack.StackId})" : stack.ToString();

        protected static StackRef RefOf(HeatStack stack) => new StackRef(stack.StackName, stack.Id);
    }
}
