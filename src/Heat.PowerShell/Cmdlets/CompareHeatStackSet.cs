using System.Collections;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Fleet;
using Heat.Client.Internal;
using Heat.PowerShell.Fleet;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Shows, for every target of a stack set, what converging it would change.</summary>
    /// <remarks>
    /// <para>Compare-HeatStackSet reads a stack set definition (-Path, docs/stack-set-format.md) and runs Compare-HeatStack
    /// for every target at once, each with the target's session, template, environments and parameters: a target whose
    /// stack does not exist yet shows Heat's create preview (Added rows), one that exists what an update would do. Each
    /// row carries Target, Cloud and Region besides Compare-HeatStack's own columns, and is shown with its cloud.</para>
    /// <para>It changes nothing. A target whose cloud cannot be asked, or whose comparison fails, is an error naming
    /// it; the others' rows still come.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Compare-HeatStackSet ./fleet/web.yaml | Where-Object Change -ne Unchanged
    /// </code>
    /// <para>What would change, target by target, before Set-HeatStackSet.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Compare-HeatStackSet ./fleet/web.yaml -MaxConcurrent 2 | Where-Object Kind -eq Parameter
    /// </code>
    /// <para>The parameters of every target, as they are and as the definition would make them, two clouds at a time.</para>
    /// </example>
    /// <notes>
    /// <para>Set-HeatStackSet -WhatIf shows the same rows as each target's Set-HeatStack would.</para>
    /// </notes>
    [Cmdlet(VerbsData.Compare, "HeatStackSet")]
    [OutputType(typeof(Heat.Client.Models.HeatStackDifference))]
    public sealed class CompareHeatStackSet : StackSetCmdlet
    {
        private const string Compare = "param($p) Compare-HeatStack @p -ErrorAction Stop";

        /// <summary>How many targets are compared at once.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int MaxConcurrent { get; set; } = 8;

        internal override void Process(StackSetDefinition set, string currentFolder)
        {
            var sessions = StackSetSessions.Open(this, set.Targets, currentFolder);
            TargetCalls.Run(this, set.Targets, sessions, MaxConcurrent, (target, session) => (Compare, Call(set, target, session)), ended =>
            {
                if (ended.Failure != null)
                {
                    WriteError(ErrorCatalog.ToErrorRecord(new StackSetException(set.File, null, null, $"target {ended.Target.Index + 1} ({ended.Target}): {ended.Failure}"), "HeatStackSet", ended.Target.ToString()));
                    return;
                }
                foreach (var row in ended.Output.Where(o => o != null))
                {
                    row.Properties.Remove("Target");
                    row.Properties.Add(new PSNoteProperty("Target", ended.Target.Index + 1));
                    WriteObject(FleetFanOut.Tagged(row, ended.Target.Cloud, ended.Target.Region));
                }
            });
        }

        private static Hashtable Call(StackSetDefinition set, StackSetTarget target, HeatSession session)
        {
            // The tags Set-HeatStackSet would give: a comparison that left them out would show them as a difference.
            var call = new Hashtable { ["StackName"] = target.StackName, ["TemplatePath"] = set.TemplatePath, ["Tag"] = StackSetRunner.TagsFor(set, target), ["Session"] = session };
            if (set.EnvironmentPaths.Count > 0) call["EnvironmentPath"] = set.EnvironmentPaths.ToArray();
            if (target.Parameters.Count > 0) call["Parameter"] = HeatJson.ToHashtable(target.Parameters);
            return call;
        }
    }
}
