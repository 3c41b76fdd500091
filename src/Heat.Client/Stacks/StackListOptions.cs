using System.Collections.Generic;
using Heat.Client.Internal;

namespace Heat.Client.Stacks
{
    /// <summary>Filters and paging for <c>GET /stacks</c>; each filter is a query parameter of Heat's.</summary>
    public sealed class StackListOptions
    {
        /// <summary>Exact names (Heat's filter is exact; wildcards are matched by the caller).</summary>
        [Query("name")]
        public IList<string> Names { get; set; } = new List<string>();

        /// <summary>States (COMPLETE, FAILED, IN_PROGRESS).</summary>
        [Query("status")]
        public IList<string> Statuses { get; set; } = new List<string>();

        /// <summary>Stacks that carry all of these tags.</summary>
        [Query("tags", Joined = true)]
        public IList<string> Tags { get; set; } = new List<string>();

        [Query("show_nested")]
        public bool ShowNested { get; set; }

        [Query("show_deleted")]
        public bool ShowDeleted { get; set; }

        /// <summary>Stacks per request; every page is read.</summary>
        [Query("limit")]
        public int PageSize { get; set; } = 100;
    }
}
