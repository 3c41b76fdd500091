using System.Collections.Generic;

namespace Heat.Client.Errors
{
    /// <summary>Why a plan was not applied; nothing was sent.</summary>
    public enum HeatPlanProblem
    {
        /// <summary>The stack moved since the plan was made (or a stack of the new one's name exists now).</summary>
        Outdated,

        /// <summary>The session is for another cloud, project or Heat than the plan's.</summary>
        OtherTarget,

        /// <summary>A secret parameter the plan needs was not given, or a parameter it does not need was.</summary>
        Parameters,

        /// <summary>The file is not a plan this module can read.</summary>
        Invalid,
    }

    /// <summary>A plan refused before anything was sent, naming what is wrong.</summary>
    public sealed class HeatPlanRefusedException : HeatException
    {
        public HeatPlanRefusedException(HeatPlanProblem problem, string message, IReadOnlyList<string>? details = null)
            : base(message)
        {
            Problem = problem;
            Details = details ?? System.Array.Empty<string>();
        }

        public HeatPlanProblem Problem { get; }

        /// <summary>What moved, or which parameters: one entry each.</summary>
        public IReadOnlyList<string> Details { get; }
    }
}
