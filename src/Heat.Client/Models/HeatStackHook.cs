using System;

namespace Heat.Client.Models
{
    /// <summary>A resource that waits at a hook (a breakpoint) until it is cleared.</summary>
    public sealed class HeatStackHook
    {
        /// <summary>The stack that holds the resource (a nested stack for a nested resource).</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        public string? ResourceName { get; set; }

        /// <summary>pre-create, pre-update or pre-delete.</summary>
        public string? HookType { get; set; }

        /// <summary>When the resource stopped at the hook (UTC).</summary>
        public DateTime? Since { get; set; }

        /// <summary>The stack asked about, when the resource is in one of its nested stacks.</summary>
        public string? RootStackName { get; set; }

        public override string ToString() => $"{HookType} {StackName}/{ResourceName}";
    }
}
