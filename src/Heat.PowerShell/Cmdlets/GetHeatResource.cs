using System;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists a stack's resources, or gets one resource by name with its attributes and metadata.</para>
    /// <para type="description">Piped events give their resources, each once.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatResource")]
    [OutputType(typeof(HeatResource))]
    public sealed class GetHeatResource : StackTargetCmdlet
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>One resource (with metadata); wildcards filter the list.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string ResourceName { get; set; }

        /// <summary>Bound from a piped event: the stack's own events name the stack, not a resource.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string PhysicalResourceId { get; set; }

        /// <summary>Include resources of nested stacks this many levels down.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string[] ResourceType { get; set; }

        /// <summary>CREATE_COMPLETE, FAILED, *_IN_PROGRESS ...</summary>
        [Parameter]
        [SupportsWildcards]
        public string[] Status { get; set; }

        /// <summary>With a list: each resource's attributes and properties too (Heat's with_detail).</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets()) ListOrGet(stack);
        }

        private void ListOrGet(StackRef stack)
        {
            bool single = ResourceName != null && !Wildcards.IsPattern(ResourceName);
            if (single && stack.StackId != null && PhysicalResourceId == stack.StackId)
            {
                WriteVerbose($"Skipping the event of stack {stack.StackName} itself: it is not a resource.");
                return;
            }
            var key = $"{stack.StackId ?? stack.StackName}/{(single ? ResourceName : "*")}";
            if (!_seen.Add(key)) return;
            var target = single ? $"{stack}/{ResourceName}" : stack.ToString();
            TryItem("HeatResource", target, () =>
            {
                if (single)
                {
                    WriteObject(Await(Client.Resources.GetAsync(stack, ResourceName, withMetadata: true, CancellationToken)));
                    return;
                }
                var options = new ResourceListOptions { WithDetail = Detailed };
                if (MyInvocation.BoundParameters.ContainsKey(nameof(NestedDepth))) options.NestedDepth = NestedDepth;
                var status = new StatusFilter(Status);
                foreach (var state in status.ServerStates) options.Statuses.Add(state);
                var types = new List<WildcardPattern>();
                if (ResourceType != null)
                {
                    foreach (var type in ResourceType)
                    {
                        types.Add(Wildcards.Pattern(type));
                    }
                }
                var namePattern = ResourceName != null ? Wildcards.Pattern(ResourceName) : null;
                foreach (var resource in Await(Client.Resources.ListAsync(stack, options, CancellationToken)))
                {
                    if (namePattern != null && !namePattern.IsMatch(resource.ResourceName ?? string.Empty)) continue;
                    if (!status.Matches(resource.ResourceStatus)) continue;
                    if (types.Count > 0 && !types.Exists(t => t.IsMatch(resource.ResourceType ?? string.Empty))) continue;
                    WriteObject(resource);
                }
            });
        }
    }
}
