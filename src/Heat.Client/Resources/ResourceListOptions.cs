using System.Collections.Generic;
using Heat.Client.Internal;

namespace Heat.Client.Resources
{
    /// <summary>Filters for a stack's resources; each is a query parameter of Heat's.</summary>
    public sealed class ResourceListOptions
    {
        [Query("nested_depth")]
        public int? NestedDepth { get; set; }

        [Query("with_detail")]
        public bool WithDetail { get; set; }

        [Query("type")]
        public IList<string> Types { get; set; } = new List<string>();

        [Query("status")]
        public IList<string> Statuses { get; set; } = new List<string>();

        /// <summary>CREATE, UPDATE, CHECK ...: with <see cref="Statuses"/> FAILED, the resources that failed that action.</summary>
        [Query("action")]
        public IList<string> Actions { get; set; } = new List<string>();

        [Query("name")]
        public IList<string> Names { get; set; } = new List<string>();
    }
}
