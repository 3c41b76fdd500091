using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists stacks (every page, as it arrives) or gets one stack with all its attributes.</para>
    /// <para type="description">A name or id without wildcards returns that stack in full (parameters, outputs,
    /// capabilities); names with wildcards, -Status and -Tag filter the list.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatStack")]
    [OutputType(typeof(HeatStack))]
    public sealed class GetHeatStack : HeatCmdlet
    {
        /// <summary>Names or ids; wildcards filter the list. Left out: every stack. Given but null or empty: an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>From a piped stack, event or resource: reload that exact stack.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>Full status (CREATE_COMPLETE, *_FAILED) or just the state (COMPLETE, FAILED, IN_PROGRESS).</summary>
        [Parameter]
        [ValidateHeatStatus]
        [ArgumentCompleter(typeof(HeatStatusCompleter))]
        [SupportsWildcards]
        public string[] Status { get; set; }

        /// <summary>Stacks that carry all of these tags.</summary>
        [Parameter]
        public string[] Tag { get; set; }

        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        [Parameter]
        public SwitchParameter ShowDeleted { get; set; }

        /// <summary>With a list: read each stack in full (one more request per stack).</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            // Only leaving the name out means "every stack": an empty -StackId, or a piped object that carries no
            // name or id, must not widen into a listing (a job whose variable is unset would act on everything).
            if (StackName == null && string.IsNullOrEmpty(StackId) &&
                (MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey(nameof(StackId))))
            {
                WriteEmptyNameError(MyInvocation.ExpectingInput ? "StackName" : "StackId", "stack");
                return;
            }
            var names = StackName ?? new string[0];
            if (!string.IsNullOrEmpty(StackId))
            {
                // A piped object: its id is exact, whatever its name says.
                var stackRef = new StackRef(names.FirstOrDefault(), StackId);
                TryItem("HeatStack", stackRef.ToString(), () => WriteObject(Await(Client.Stacks.GetAsync(stackRef, CancellationToken))));
                return;
            }

            var patterns = new List<WildcardPattern>();
            foreach (var name in names)
            {
                if (Wildcards.IsPattern(name))
                {
                    patterns.Add(Wildcards.Pattern(name));
                }
                else
                {
                    TryItem("HeatStack", name, () =>
                    {
                        var stack = Await(Client.Stacks.GetAsync(StackRef.FromNameOrId(name), CancellationToken));
                        if (StatusFilter.Matches(stack.StackStatus) && MatchesTags(stack)) WriteObject(stack);
                    });
                }
            }
            if (names.Length == 0 || patterns.Count > 0)
            {
                ListStacks(patterns);
            }
        }

        private void ListStacks(List<WildcardPattern> patterns)
        {
            var options = new StackListOptions { ShowNested = ShowNested, ShowDeleted = ShowDeleted };
            if (Tag != null) foreach (var tag in Tag) options.Tags.Add(tag);
            foreach (var state in StatusFilter.ServerStates) options.Statuses.Add(state);
            TryItem("HeatStack", null, () =>
            {
                foreach (var stack in Stream(Client.Stacks.List(options, CancellationToken), "Listing Heat stacks"))
                {
                    if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(stack.StackName ?? string.Empty))) continue;
                    if (!StatusFilter.Matches(stack.StackStatus)) continue;
                    if (Detailed)
                    {
                        TryItem("HeatStack", stack.StackName, () => WriteObject(Await(Client.Stacks.GetAsync(RefOf(stack), CancellationToken))));
                    }
                    else
                    {
                        WriteObject(stack);
                    }
                }
            });
        }

        private StatusFilter _statusFilter;

        private StatusFilter StatusFilter => _statusFilter ?? (_statusFilter = new StatusFilter(Status));

        private bool MatchesTags(HeatStack stack)
        {
            if (Tag == null || Tag.Length == 0) return true;
            return Tag.All(t => stack.Tags.Contains(t, StringComparer.Ordinal));
        }
    }
}
