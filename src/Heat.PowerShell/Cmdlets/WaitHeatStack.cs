using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Waits until stacks finish what they are doing, all at once, and writes the final stacks.</summary>
    /// <remarks>
    /// <para>Wait-HeatStack waits for every stack given or piped, at the same time, until each is no longer
    /// IN_PROGRESS, reading only new events as it goes and showing progress. Each finished stack is written in
    /// full.</para>
    /// <para>Strict: a stack that ends *_FAILED, or whose rollback completed, is a non-terminating HeatStackFailed
    /// error carrying Heat's reason and the failed resources' reasons; the other stacks are still waited for. A stack
    /// deleted while waiting counts as deleted. A stack that stops at a hook with nothing else in progress ends the
    /// wait with HeatStackPausedAtHook. -Timeout ends each unfinished wait with an OperationTimeout error
    /// (HeatStackTimeout); Heat goes on with the stack.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatStack web-* | Wait-HeatStack -Timeout 1800
    /// </code>
    /// <para>Waits up to half an hour for every web- stack.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStack web-test -TemplatePath ./web.yaml
    /// # ... other work ...
    /// Wait-HeatStack web-test -ErrorAction Stop
    /// </code>
    /// <para>Starts a stack, does other work, then waits for it; a failed create stops the script.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "HeatStack")]
    [OutputType(typeof(HeatStack))]
    public sealed class WaitHeatStack : StackTargetCmdlet
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>How long to wait for each stack, in minutes (1 to 10080, a week; default 60), as every cmdlet that
        /// waits takes it. A stack still busy then is an OperationTimeout error; the stack goes on in Heat.</summary>
        [Parameter]
        [ValidateRange(1, WaitTimeouts.MaxMinutes)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>The wait in seconds, as this cmdlet took it before -WaitTimeoutMinutes; kept for scripts that use
        /// it.</summary>
        [Parameter(DontShow = true)]
        [ValidateRange(1, WaitTimeouts.MaxMinutes * 60)]
        [Alias("TimeoutSec")]
        public int Timeout { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                // Events and resources of one stack pipe in many times: wait for it once.
                if (!_seen.Add(stack.StackId ?? stack.StackName)) continue;
                Start(new StackOperation("Wait for Heat stack", stack, stack.ToString(), send: null)
                {
                    Goal = WaitGoal.Any,
                    WaitTimeout = WaitTimeouts.Of(this, WaitTimeoutMinutes, nameof(Timeout), Timeout),
                    Finished = (host, sent, final) => final,
                    WriteFailed = true,
                }, throttleLimit: 32);
            }
        }
    }
}
