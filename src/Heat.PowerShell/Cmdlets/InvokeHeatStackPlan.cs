using System;
using System.Collections;
using System.Management.Automation;
using Heat.Client.Models;
using Heat.Client.Plans;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Applies saved plans exactly as they were reviewed, and only to the stacks they were made against.</summary>
    /// <remarks>
    /// <para>Invoke-HeatStackPlan sends each plan's request as it was planned (the template, files and environment in the
    /// plan; local files edited since do not matter), with the secret parameters given again with -Parameter (each one
    /// the plan names, and no other). Before sending it checks that the session is for the plan's cloud and project, and
    /// that the stack still matches the plan's fingerprint: its id, status, last update and the hashes of its template,
    /// environment and parameters (for a new stack: that no stack has the name). Otherwise nothing is sent, and the
    /// error (HeatPlanOutdated, HeatPlanTargetMismatch, HeatPlanParameterMissing) names what moved; the next plan goes
    /// on.</para>
    /// <para>-WhatIf changes nothing and writes the plan's rows. Confirmation follows ConfirmImpact Medium; -Force skips
    /// it. With -Wait, every stack is waited for at once, and a stack that fails is an error record with Heat's
    /// reasons; without it, a create writes the new stack and an update nothing (with -Wait, -PassThru writes the
    /// updated stack).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Invoke-HeatStackPlan ./web-prod.plan.json -Wait
    /// </code>
    /// <para>Applies the reviewed plan and waits until the stack is done.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Invoke-HeatStackPlan ./db.plan.json -Parameter @{ db_password = Get-Secret db-password } -Force -Wait
    /// </code>
    /// <para>Applies a plan whose secret parameter was left out of the file, in a pipeline that holds the secret.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "HeatStackPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(HeatStack), typeof(HeatStackDifference))]
    public sealed class InvokeHeatStackPlan : HeatCmdlet
    {
        private const string PathSet = "Path";
        private const string PlanSet = "Plan";

        /// <summary>Plan files (wildcards allowed); binds piped files by FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>Plans as New-HeatStackPlan and Get-HeatStackPlan write them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PlanSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public HeatStackPlan[] Plan { get; set; }

        /// <summary>The secret parameters the plan names (SecretParameters), by name: each one, and no other. Values may be
        /// SecureStrings (Get-Secret), opened only into the request.</summary>
        [Parameter]
        [Alias("Parameters")]
        public Hashtable Parameter { get; set; }

        /// <summary>Act without asking for confirmation. -WhatIf still wins.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the stacks finish, all at once after every plan was sent.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait for each stack, in minutes (1 to 10080).</summary>
        [Parameter]
        [ValidateRange(1, WaitTimeouts.MaxMinutes)]
        public int WaitTimeoutMinutes { get; set; } = 60;

        /// <summary>Write each stack: as it started, or with -Wait as it ended.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Plan != null)
            {
                foreach (var plan in Plan) Apply(plan, plan.Path ?? plan.StackName);
                return;
            }
            ForEachResolvedPath(Path, "HeatPlan", path => Apply(PlanFile.Read(path), path));
        }

        private void Apply(HeatStackPlan plan, string source)
        {
            bool create = plan.Operation == HeatStackPlan.CreateOperation;
            var action = $"{plan.Operation} Heat stack as planned in {source}";
            var name = plan.StackName;
            if (IsWhatIf)
            {
                ShouldAct(name, action);
                DifferenceRows.Write(this, plan.Differences, includeUnchanged: false);
                return;
            }
            if (!ShouldAct(name, action, Force)) return;
            // Captured now: the next record rebinds -Parameter while this plan is on its way.
            var secrets = Parameter == null ? null : (Hashtable)Parameter.Clone();
            bool passThru = PassThru;
            Start(new StackOperation(action, create ? null : new StackRef(name, plan.Fingerprint?.StackId ?? plan.Target.StackId), name, async (client, stack, token) =>
            {
                var (applied, created) = await new StackPlanner(client).ApplyAsync(plan, secrets, token).ConfigureAwait(false);
                return new Sent(applied, created);
            })
            {
                ErrorNoun = "HeatPlan",
                WaitErrorNoun = "HeatStack",
                Goal = !Wait ? null : create ? WaitGoal.Create : WaitGoal.Update,
                WaitTimeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                Started = sent => create ? sent.Made : null,
                Finished = (host, sent, final) => create || passThru ? final : null,
                WriteFailed = true,
            }, OperationRunner.DefaultThrottleLimit);
        }
    }
}
