using System.Management.Automation;
using Heat.Client.Fleet;
using Heat.PowerShell.Fleet;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Converges every target of a stack set: one template, many clouds, regions and projects.</summary>
    /// <remarks>
    /// <para>Set-HeatStackSet reads a stack set definition (-Path: a YAML file of the repository, see
    /// docs/stack-set-format.md) and converges each target as Set-HeatStack converges one stack: it creates the target's
    /// stack when there is none, updates it when it differs from the definition, and leaves it alone when it matches.
    /// Each target runs with a session of its own (its cloud from clouds.yaml, with the target's region and project when
    /// it gives them), at most -MaxConcurrent at once.</para>
    /// <para>-Canary N converges the first N targets alone first and starts the others only if they all succeed.
    /// -FailureTolerance N starts no new target once more than N have failed. A target never started is reported
    /// Skipped, with the reason; a target whose cloud cannot be connected to fails alone.</para>
    /// <para>It writes one HeatStackSetTargetResult per target as it ends: Target (its place in the file), Cloud, Region,
    /// Project, StackName, StackId, Action (Created, Updated, Unchanged, Failed, Skipped), StackStatus, Reason (Heat's
    /// words), Differences and Duration. Each member stack is tagged heat-stackset:NAME and heat-stackset-hash:HASH (of
    /// its template, environments and parameters).</para>
    /// <para>-WhatIf (bound, or as a preference) writes every target's preview rows, as Set-HeatStack -WhatIf does, and
    /// changes nothing. The set is confirmed once (ConfirmImpact Medium; -Force skips the prompt).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Set-HeatStackSet ./fleet/web.yaml -MaxConcurrent 3 -Wait | Format-Table Target, Cloud, StackName, Action, StackStatus, Duration
    /// </code>
    /// <para>Creates or updates the web stack on every target of the set, three at a time, and waits for each.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-HeatStackSet ./fleet/web.yaml -Canary 1 -FailureTolerance 0 -Wait
    /// </code>
    /// <para>The first target alone first; then the rest, stopping at the first failure (the others reported Skipped).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-HeatStackSet ./fleet/web.yaml -WhatIf
    /// </code>
    /// <para>What each target's stack would become, and nothing changed.</para>
    /// </example>
    /// <notes>
    /// <para>Targets in the same Heat and project must have stack names of their own (the definition refuses two targets
    /// that are one stack). Removing a target from the file leaves its stack as it is.</para>
    /// </notes>
    [Cmdlet(VerbsCommon.Set, "HeatStackSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HeatStackSetTargetResult))]
    public sealed class SetHeatStackSet : StackSetCmdlet
    {
        /// <summary>How many targets converge at once.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int MaxConcurrent { get; set; } = 4;

        /// <summary>How many targets may fail before no new one starts (the rest are Skipped). Left out: every target is tried.</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int FailureTolerance { get; set; }

        /// <summary>The first N targets converge alone first; the others start only if those all succeed.</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int Canary { get; set; }

        /// <summary>Wait for each target's stack to finish (as Set-HeatStack -Wait); a target that ends FAILED is Failed.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long each target may take.</summary>
        [Parameter]
        [ValidateRange(1, 1440)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>Skip the confirmation (WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        internal override void Process(StackSetDefinition set, string currentFolder)
        {
            var runner = new StackSetRunner(this, set)
            {
                MaxConcurrent = MaxConcurrent,
                FailureTolerance = MyInvocation.BoundParameters.ContainsKey(nameof(FailureTolerance)) ? FailureTolerance : (int?)null,
                Canary = Canary,
                Wait = Wait,
                WaitTimeoutMinutes = WaitTimeoutMinutes,
                WhatIf = IsWhatIf,
            };
            if (IsWhatIf)
            {
                runner.Run(currentFolder);
                return;
            }
            if (!ShouldAct($"stack set {set.Name} ({set.Targets.Count} targets)", "Converge", Force)) return;
            runner.Run(currentFolder);
        }
    }
}
