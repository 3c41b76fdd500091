using Newtonsoft.Json.Linq;

namespace Heat.Client.Fleet
{
    /// <summary>One target of a stack set: a cloud of clouds.yaml (its region and project, as the file says or as given
    /// here), the stack's name there, and the parameter values for it (the set's, then the target's own on top).</summary>
    public sealed class StackSetTarget
    {
        internal StackSetTarget(int index, string cloud, string? region, string? project, string stackName, JObject parameters)
        {
            Index = index;
            Cloud = cloud;
            Region = region;
            Project = project;
            StackName = stackName;
            Parameters = parameters;
        }

        /// <summary>Its place in the file, from 0: canaries are the first targets.</summary>
        public int Index { get; }

        public string Cloud { get; }

        /// <summary>The region to use instead of the cloud's region_name; null: the cloud's.</summary>
        public string? Region { get; }

        /// <summary>The project to use instead of the cloud's project_name; null: the cloud's.</summary>
        public string? Project { get; }

        public string StackName { get; }

        /// <summary>The set's parameters with the target's own on top.</summary>
        public JObject Parameters { get; }

        /// <summary>What names the stack: two targets with the same key would be one stack converged twice.</summary>
        public string Key => $"{Cloud}|{Region}|{Project}|{StackName}";

        public override string ToString() => $"{StackName} in {Cloud}" + (Region != null ? $" ({Region})" : string.Empty) + (Project != null ? $" project {Project}" : string.Empty);
    }
}
