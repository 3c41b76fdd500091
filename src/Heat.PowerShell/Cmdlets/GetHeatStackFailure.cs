using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Says why stacks failed: one object per root cause, found by walking failed nested stacks all the way
    /// down.</summary>
    /// <remarks>
    /// <para>Get-HeatStackFailure does what <c>openstack stack failures list --long</c> does. For each stack it walks
    /// the failed resources down through nested stacks (each stack once, at most 10 deep) and writes one
    /// HeatStackFailure per root cause: a nested stack resource that failed only because a resource in its stack failed
    /// is not a root cause, that resource is.</para>
    /// <para>Each failure carries Path (the stacks from the top), ResourcePath (app.workers.0.migrate), StackName and
    /// StackId of the stack that holds the resource (so it pipes into Get-HeatResource and Get-HeatEvent),
    /// ResourceName, ResourceType, PhysicalResourceId, ResourceStatus, ResourceStatusReason, the first failure event
    /// and its time, and for a software deployment its DeployStatusCode, DeployStderr and DeployStdout.</para>
    /// <para>A stack where nothing failed writes nothing (a -Verbose line says so). A FAILED stack without a failed
    /// resource (a stack timeout, for one) is a warning with Heat's reason.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStackFailure app
    /// </code>
    /// <para>Shows the resources that really made app fail, however deep in nested stacks.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStackFailure app-slow | Format-List ResourcePath, ResourceType, InProgressFor, Hint
    /// </code>
    /// <para>For a stack that has been CREATE_IN_PROGRESS too long: the resources it waits on, for how long, and what
    /// would move them (a hook to clear, a signal to send).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatStack -Status FAILED | Get-HeatStackFailure | Format-List ResourcePath, ResourceStatusReason, DeployStderr
    /// </code>
    /// <para>For every failed stack: the failed resource's path, Heat's reason and, for a software deployment, what its
    /// script wrote to stderr.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatStackFailure")]
    [OutputType(typeof(HeatStackFailure))]
    public sealed class GetHeatStackFailure : StackTargetCmdlet, Fleet.IFleetReader
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        protected override void ProcessRecord()
        {
            if (Dispatched()) return;
            foreach (var stack in ResolveTargets())
            {
                // The same stack piped twice (two matching wildcards, a list with repeats) is walked once.
                if (!_seen.Add(stack.StackId ?? stack.StackName)) continue;
                TryItem("HeatStack", stack.ToString(), () => Report(stack));
            }
        }

        private void Report(StackRef stack)
        {
            var shown = Await(Client.Stacks.GetAsync(stack, CancellationToken, resolveOutputs: false));
            var name = Describe(new StackRef(shown.StackName ?? stack.StackName, shown.Id ?? stack.StackId));
            stack = new StackRef(shown.StackName ?? stack.StackName, shown.Id ?? stack.StackId);
            bool inProgress = HeatStatuses.IsIn(shown.StackStatus, HeatStatuses.InProgress);
            var found = new List<HeatStackFailure>(Walk(stack, inProgress));
            if (inProgress) found.AddRange(Await(Client.Hooks.PendingAsync(stack, FailureWalkOptions.DefaultMaxDepth, CancellationToken)).Select(Paused));
            foreach (var failure in found)
            {
                failure.Hint = inProgress ? FailureHints.ForHold(failure) : FailureHints.ForFailure(failure);
                WriteObject(failure);
            }
            if (found.Count > 0) return;
            if (inProgress)
            {
                WriteVerbose($"Stack {name} is {shown.StackStatus}, and no resource is in progress or paused at a hook now: Heat is between steps.");
            }
            else if (HeatStatuses.IsIn(shown.StackStatus, HeatStatuses.Failed))
            {
                // A FAILED stack with no failed resource (a stack-level timeout or validation error) would look healthy
                // here, so say what Heat says about the stack itself.
                WriteWarning($"Stack {name} is {shown.StackStatus}, but none of its resources failed: {shown.StackStatusReason}");
            }
            else
            {
                WriteVerbose($"Stack {name} is {shown.StackStatus}: none of its resources failed.");
            }
        }

        /// <summary>The failed resources (root causes), or for a stack in progress the resources still in progress that
        /// hold it (the deepest ones).</summary>
        private IReadOnlyList<HeatStackFailure> Walk(StackRef stack, bool inProgress)
        {
            // A deep or wide tree takes a round trip a stack: a count of the stacks looked at, paced by the clock.
            var progress = new ListingProgress(inProgress ? $"Looking for what holds {stack} in its nested stacks" : $"Looking for the failures in {stack} and its nested stacks");
            var options = new FailureWalkOptions { StackWalked = () => Post(progress.Counted), State = inProgress ? HeatStatus.InProgress : HeatStatus.Failed };
            Tick = () => progress.Render(WriteProgress);
            try
            {
                return Await(new FailureWalker(Client).FindAsync(stack, options, CancellationToken));
            }
            finally
            {
                Tick = null;
                progress.Complete(WriteProgress);
            }
        }

        /// <summary>A resource paused at a hook, as what holds its stack.</summary>
        private static HeatStackFailure Paused(HeatStackHook hook) => new HeatStackFailure
        {
            // A hook's event names the stack that holds the resource; the top stack's own has no root apart from it.
            RootStackName = hook.RootStackName ?? hook.StackName,
            Path = hook.RootStackName == null ? new[] { hook.StackName } : new[] { hook.RootStackName, hook.StackName },
            ResourcePath = $"{hook.StackName}.{hook.ResourceName}",
            StackName = hook.StackName,
            StackId = hook.StackId,
            ResourceName = hook.ResourceName,
            Hook = hook.HookType,
            ResourceStatusReason = $"paused until hook {hook.HookType} is cleared",
            Since = hook.Since,
            InProgressFor = hook.Since is DateTime since ? DateTime.UtcNow - since : (TimeSpan?)null,
        };
    }
}
