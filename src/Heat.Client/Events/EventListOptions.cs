using System.Collections.Generic;
using Heat.Client.Internal;

namespace Heat.Client.Events
{
    /// <summary>Filters and paging for a stack's events; each filter is a query parameter of Heat's.</summary>
    public sealed class EventListOptions
    {
        /// <summary>Only this resource's events (<c>.../resources/{name}/events</c>).</summary>
        public string? ResourceName { get; set; }

        [Query("resource_status")]
        public IList<string> ResourceStatuses { get; set; } = new List<string>();

        [Query("resource_action")]
        public IList<string> ResourceActions { get; set; } = new List<string>();

        [Query("resource_type")]
        public IList<string> ResourceTypes { get; set; } = new List<string>();

        [Query("nested_depth")]
        public int? NestedDepth { get; set; }

        /// <summary>asc (oldest first, as the reference client shows them) or desc. Heat itself defaults to desc.</summary>
        [Query("sort_dir")]
        public string SortDirection { get; set; } = "asc";

        [Query("limit")]
        public int PageSize { get; set; } = 100;
    }
}
