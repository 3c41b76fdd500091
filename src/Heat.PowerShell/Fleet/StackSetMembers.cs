using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Heat.Client.Fleet;
using Heat.Client.Models;

namespace Heat.PowerShell.Fleet
{
    /// <summary>Each target's stack as it stands (Get-HeatStackSet, and what Remove-HeatStackSet removes): read in every
    /// target's cloud at once, and judged by the membership tags Set-HeatStackSet put on it.</summary>
    internal static class StackSetMembers
    {
        private const string Read = "param($p) Get-HeatStack @p -ErrorAction SilentlyContinue";

        public static List<(HeatStackSetMember Member, HeatSession Session)> Find(AsyncCmdlet cmdlet, StackSetDefinition set, int maxConcurrent, string currentFolder)
        {
            var sessions = StackSetSessions.Open(cmdlet, set.Targets, currentFolder);
            var found = new List<(HeatStackSetMember, HeatSession)>();
            TargetCalls.Run(cmdlet, set.Targets, sessions, maxConcurrent,
                (target, session) => (Read, new Hashtable { ["StackName"] = target.StackName, ["Session"] = session }),
                ended => found.Add((Judge(set, ended), sessions[ended.Target.Index].Session)));
            return found.OrderBy(f => f.Item1.Target).ToList();
        }

        private static HeatStackSetMember Judge(StackSetDefinition set, TargetCalls.Ended ended)
        {
            var target = ended.Target;
            var member = new HeatStackSetMember
            {
                Target = target.Index + 1,
                Cloud = target.Cloud,
                Region = target.Region,
                Project = target.Project,
                StackName = target.StackName,
            };
            var stack = ended.Output.Select(o => o?.BaseObject).OfType<HeatStack>().FirstOrDefault(s => s.StackName == target.StackName);
            if (ended.Failure != null)
            {
                member.State = "Unreachable";
                member.Reason = ended.Failure;
                return member;
            }
            if (stack == null)
            {
                member.State = "Missing";
                return member;
            }
            member.StackId = stack.Id;
            member.StackStatus = stack.StackStatus;
            var tags = (IEnumerable<string>)stack.Tags ?? new List<string>();
            if (!tags.Contains(StackSetRunner.SetTagPrefix + set.Name))
            {
                member.State = "NotMember";
                member.Reason = $"the stack has no tag {StackSetRunner.SetTagPrefix}{set.Name}: the set did not make it";
                return member;
            }
            var hash = StackSetRunner.HashTagPrefix + StackSetRunner.DefinitionHash(set, target);
            member.State = tags.Contains(hash) ? "InSync" : "Outdated";
            if (member.State == "Outdated") member.Reason = "converged from another version of the definition: Set-HeatStackSet brings it up to date";
            return member;
        }
    }
}
