using System.Collections;
using System.Collections.Generic;
using Heat.Client.Templates;

namespace Heat.Client
{
    /// <summary>Filters and paging for <c>GET /stacks</c>.</summary>
    public sealed class StackListOptions
    {
        /// <summary>Exact names (Heat's filter is exact; wildcards are matched by the caller).</summary>
        public IList<string> Names { get; set; } = new List<string>();

        /// <summary>States (COMPLETE, FAILED, IN_PROGRESS).</summary>
        public IList<string> Statuses { get; set; } = new List<string>();

        /// <summary>Actions (CREATE, UPDATE, DELETE ...).</summary>
        public IList<string> Actions { get; set; } = new List<string>();

        /// <summary>Stacks that carry all of these tags.</summary>
        public IList<string> Tags { get; set; } = new List<string>();

        /// <summary>Stacks that carry any of these tags.</summary>
        public IList<string> TagsAny { get; set; } = new List<string>();

        public bool ShowNested { get; set; }

        public bool ShowDeleted { get; set; }

        public bool ShowHidden { get; set; }

        public string SortKey { get; set; }

        public string SortDirection { get; set; }

        /// <summary>Stacks per request; every page is read.</summary>
        public int PageSize { get; set; } = 100;
    }

    public sealed class EventListOptions
    {
        /// <summary>Only this resource's events (<c>.../resources/{name}/events</c>).</summary>
        public string ResourceName { get; set; }

        public IList<string> ResourceStatuses { get; set; } = new List<string>();

        public IList<string> ResourceActions { get; set; } = new List<string>();

        public IList<string> ResourceTypes { get; set; } = new List<string>();

        public int? NestedDepth { get; set; }

        /// <summary>Only events after this one (Heat's own client waits this way).</summary>
        public string Marker { get; set; }

        /// <summary>asc (oldest first, as the reference client shows them) or desc. Heat itself defaults to desc.</summary>
        public string SortDirection { get; set; } = "asc";

        public int PageSize { get; set; } = 100;
    }

    public sealed class ResourceListOptions
    {
        public int? NestedDepth { get; set; }

        public bool WithDetail { get; set; }

        public IList<string> Types { get; set; } = new List<string>();

        public IList<string> Statuses { get; set; } = new List<string>();

        public IList<string> Actions { get; set; } = new List<string>();

        public IList<string> Names { get; set; } = new List<string>();
    }

    /// <summary>A new stack: <c>POST /stacks</c>.</summary>
    public sealed class CreateStackRequest
    {
        public string StackName { get; set; }

        public TemplateBundle Template { get; set; }

        /// <summary>Parameter name to value; lists, maps, numbers and booleans are sent as JSON.</summary>
        public IDictionary Parameters { get; set; }

        /// <summary>Parameter name to a file whose content is the value (heatclient's --parameter-file).</summary>
        public IDictionary ParameterFiles { get; set; }

        /// <summary>Where relative parameter-file paths are read from.</summary>
        public string BaseDirectory { get; set; }

        public IList<string> Tags { get; set; } = new List<string>();

        public int? TimeoutMinutes { get; set; }

        public bool DisableRollback { get; set; }
    }

    /// <summary><c>POST /validate</c>.</summary>
    public sealed class ValidateTemplateRequest
    {
        public TemplateBundle Template { get; set; }

        public bool ShowNested { get; set; }

        /// <summary>Heat's error codes to let pass (<c>ignore_errors=99001,...</c>), as heatclient's --ignore-errors.</summary>
        public IList<string> IgnoreErrors { get; } = new List<string>();

        public IDictionary Parameters { get; set; }

        public IDictionary ParameterFiles { get; set; }

        public string BaseDirectory { get; set; }
    }
}
