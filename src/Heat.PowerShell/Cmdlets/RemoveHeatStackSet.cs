using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Heat.Client.Fleet;
using Heat.PowerShell.Fleet;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Removes the member stacks of a stack set, and never a stack that is not one.</summary>
    /// <remarks>
    /// <para>Remove-HeatStackSet reads a stack set definition (-Path, docs/stack-set-format.md), finds each target's stack
    /// (as Get-HeatStackSet does) and removes those that are members: stacks Set-HeatStackSet made, tagged with the set's
    /// name. A stack of a target's name that is not a member is left as it is (NotMember); a missing one is nothing to do
    /// (Absent). Each member is removed by its id, so a stack made under the same name meanwhile is not touched.</para>
    /// <para>Each removal is confirmed (ConfirmImpact High; -Force skips the prompts); -WhatIf (bound or as a preference)
    /// says what would be removed and removes nothing. -Wait waits for each stack to be gone. It writes one
    /// HeatStackSetTargetResult per target: Action Removed, NotMember, Absent, Failed or Skipped (not confirmed, or the
    /// cloud could not be asked).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Remove-HeatStackSet ./fleet/web.yaml -WhatIf
    /// </code>
    /// <para>Which member stacks would be removed.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-HeatStackSet ./fleet/web.yaml -Force -Wait | Format-Table Target, Cloud, StackName, Action, Reason
    /// </code>
    /// <para>Removes every member of the set and waits until each is gone.</para>
    /// </example>
    /// <notes>
    /// <para>Removing a target from the definition file does not remove its stack: remove it while it is still in the
    /// file, or with Remove-HeatStack.</para>
    /// </notes>
    [Cmdlet(VerbsCommon.Remove, "HeatStackSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(HeatStackSetTargetResult))]
    public sealed class RemoveHeatStackSet : StackSetCmdlet
    {
        private const string Remove = "param($p) Remove-HeatStack @p -Force -ErrorAction Stop";

        /// <summary>How many targets are handled at once.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int MaxConcurrent { get; set; } = 8;

        /// <summary>Wait until each removed stack is gone (DELETE_COMPLETE); one that fails to go is Failed.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Skip the confirmations (WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        internal override void Process(StackSetDefinition set, string currentFolder)
        {
            var chosen = new List<StackSetTarget>();
            var sessions = new Dictionary<int, (HeatSession, string)>();
            // Each removal names the stack judged a member moments ago, by its id.
            var ids = new Dictionary<int, string>();
            foreach (var (member, session) in StackSetMembers.Find(this, set, MaxConcurrent, currentFolder))
            {
                var target = set.Targets[member.Target - 1];
                if (member.State == "InSync" || member.State == "Outdated")
                {
                    if (ShouldAct($"stack {member.StackName} ({member.StackId}) in {member.Cloud}, member of stack set {set.Name}", "Remove", Force))
                    {
                        chosen.Add(target);
                        sessions[target.Index] = (session, null);
                        ids[target.Index] = member.StackId;
                        continue;
                    }
                    WriteObject(Result(member, "Skipped", IsWhatIf ? "WhatIf: nothing removed" : "not confirmed"));
                    continue;
                }
                var action = member.State == "Missing" ? "Absent" : member.State == "NotMember" ? "NotMember" : "Skipped";
                WriteObject(Result(member, action, member.Reason));
            }
            TargetCalls.Run(this, chosen, sessions, MaxConcurrent,
                (target, session) => (Remove, Call(target, ids[target.Index], session)),
                ended => WriteObject(Result(ended, ids[ended.Target.Index])));
        }

        private Hashtable Call(StackSetTarget target, string id, HeatSession session)
        {
            var call = new Hashtable { ["StackName"] = target.StackName, ["StackId"] = id, ["Session"] = session };
            if (Wait) call["Wait"] = new SwitchParameter(true);
            return call;
        }

        private static HeatStackSetTargetResult Result(HeatStackSetMember member, string action, string reason) =>
            new HeatStackSetTargetResult
            {
                Target = member.Target,
                Cloud = member.Cloud,
                Region = member.Region,
                Project = member.Project,
                StackName = member.StackName,
                StackId = member.StackId,
                StackStatus = member.StackStatus,
                Action = action,
                Reason = reason,
            };

        private static HeatStackSetTargetResult Result(TargetCalls.Ended ended, string id) => new HeatStackSetTargetResult
        {
            Target = ended.Target.Index + 1,
            Cloud = ended.Target.Cloud,
            Region = ended.Target.Region,
            Project = ended.Target.Project,
            StackName = ended.Target.StackName,
            StackId = id,
            Action = ended.Failure == null ? "Removed" : "Failed",
            Reason = ended.Failure,
        };
    }
}
