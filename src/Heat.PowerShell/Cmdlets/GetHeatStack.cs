using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists stacks, or gets stacks by name or id with all their attributes.</summary>
    /// <remarks>
    /// <para>Without a name, Get-HeatStack lists every stack of the project, writing each page of Heat's list as it
    /// arrives (no page size to think about). -Status, -Tag, -ShowNested and -ShowDeleted filter the list; names with
    /// wildcards match it. A listed stack has no Parameters and no Outputs (they are null, not empty): Heat's list does
    /// not hold them. Read the stack by name or id, or add -Detailed, to have them.</para>
    /// <para>A name or id without wildcards reads that one stack in full: parameters, outputs (resolved), capabilities,
    /// timeout, rollback setting and links, as <c>openstack stack show</c> shows it. The session remembers the id
    /// behind a name it has read, so the next read of the same name is one request instead of two. -Detailed reads each
    /// listed stack in full too (one more request per stack). Several names given at once (<c>Get-HeatStack a, b,
    /// c</c>), and the stacks -Detailed reads, are read four at a time and written in the order asked for: with many
    /// names that takes a fraction of reading them one command after another.</para>
    /// <para>A stack that does not exist is a non-terminating HeatStackNotFound error: the other names go on. Piped
    /// stacks, events, resources and outputs give their StackName and StackId, so <c>$stack | Get-HeatStack</c> reloads
    /// a stack.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStack
    /// </code>
    /// <para>Lists every stack of the project.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack web-* -Status FAILED
    /// </code>
    /// <para>The stacks whose names start with web- and whose status ends in FAILED (CREATE_FAILED, UPDATE_FAILED
    /// ...).</para>
    /// </example>
    /// <example>
    /// <code>
    /// $web = Get-HeatStack web-prod
    /// $web.Outputs.url
    /// $web.Parameters
    /// </code>
    /// <para>Reads one stack in full and uses its outputs and parameters, which are hashtables.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Tag prod -ShowNested | Select-Object StackName, StackStatus, Parent
    /// </code>
    /// <para>Stacks tagged prod, nested stacks included.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStack")]
    [OutputType(typeof(HeatStack))]
    public sealed class GetHeatStack : HeatCmdlet, Fleet.IFleetReader
    {
        /// <summary>Names or ids. Wildcards match the list without regard to case, as every cmdlet that only reads does
        /// (one that changes stacks matches with case, as Heat's names are: web and WEB are two stacks); a name without
        /// wildcards reads that stack in full. Left out: every stack. Given but null or empty: an error, never "every
        /// stack".</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string[] StackName { get; set; }

        /// <summary>The stack's id, bound from a piped stack, event or resource: reloads that exact stack.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StackId { get; set; }

        /// <summary>Only stacks with this status: a full status (CREATE_COMPLETE, *_FAILED, wildcards allowed) or just
        /// the state (COMPLETE, FAILED, IN_PROGRESS).</summary>
        [Parameter]
        [ValidateHeatStatus]
        [ArgumentCompleter(typeof(HeatStatusCompleter))]
        [SupportsWildcards]
        public string[] Status { get; set; }

        /// <summary>Only stacks that carry every one of these tags.</summary>
        [Parameter]
        public string[] Tag { get; set; }

        /// <summary>Include nested stacks (those a stack made for its template resources and groups) in the
        /// list.</summary>
        [Parameter]
        public SwitchParameter ShowNested { get; set; }

        /// <summary>Include deleted stacks (DELETE_COMPLETE) that Heat still remembers. Without it a listing leaves out
        /// every DELETE_COMPLETE stack, also those Heat still lists for a moment after their delete finished (seen
        /// right after Remove-HeatStack -Wait of many stacks).</summary>
        [Parameter]
        public SwitchParameter ShowDeleted { get; set; }

        /// <summary>With a list: read each listed stack in full (parameters, outputs ...), one more request per
        /// stack.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            if (Dispatched()) return;
            // Only leaving the name out means "every stack": an empty -StackId, or a piped object that carries no
            // name or id, must not widen into a listing (a job whose variable is unset would act on everything).
            if (StackName == null && string.IsNullOrEmpty(StackId) &&
                (MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey(nameof(StackId))))
            {
                WriteEmptyNameError(MyInvocation.ExpectingInput ? "StackName" : "StackId", "stack");
                return;
            }
            var names = StackName ?? Array.Empty<string>();
            if (!string.IsNullOrEmpty(StackId))
            {
                // A piped object: its id is exact, whatever its name says.
                var stackRef = new StackRef(names.FirstOrDefault(), StackId);
                TryItem("HeatStack", stackRef.ToString(), () => WriteObject(Await(Client.Stacks.GetAsync(stackRef, CancellationToken))));
                return;
            }

            var patterns = names.Where(Wildcards.IsPattern).Select(Wildcards.Pattern).ToList();
            // Several names: read together (a few at a time), written in the order given.
            var exact = names.Where(n => !Wildcards.IsPattern(n));
            foreach (var (name, read) in ReadAhead(exact, (n, token) => Client.Stacks.GetAsync(StackRef.FromNameOrId(n), token)))
            {
                TryItem("HeatStack", name, () =>
                {
                    var stack = Await(read);
                    if (StatusFilter.Matches(stack.StackStatus) && MatchesTags(stack)) WriteObject(stack);
                });
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
                var listed = Stream(Client.Stacks.List(options, CancellationToken), "Listing Heat stacks")
                    .Where(stack => (patterns.Count == 0 || patterns.Any(p => p.IsMatch(stack.StackName ?? string.Empty))) && StatusFilter.Matches(stack.StackStatus))
                    // Heat goes on listing a deleted stack for a moment (longer on a busy cloud): right after
                    // Remove-HeatStack -Wait, a listing would show it DELETE_COMPLETE. Deleted is -ShowDeleted's to show.
                    .Where(stack => ShowDeleted || stack.StackStatus != WaitGoal.Delete.Expected);
                if (!Detailed)
                {
                    foreach (var stack in listed) WriteObject(stack);
                    return;
                }
                // In full: one more request a stack, a few in flight while the earlier ones are written.
                foreach (var (stack, read) in ReadAhead(listed, (s, token) => Client.Stacks.GetAsync(RefOf(s), token)))
                {
                    TryItem("HeatStack", stack.StackName, () => WriteObject(Await(read)));
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
