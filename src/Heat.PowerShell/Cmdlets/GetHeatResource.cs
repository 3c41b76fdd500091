using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists a stack's resources, or gets one resource by name with its attributes and metadata.</para>
    /// <para type="description">Piped events give their resources, each once. -Metadata writes only the named
    /// resource's metadata, as a hashtable, through Heat's metadata route; for the metadata of every resource, pipe the
    /// list back in (Get-HeatResource web | Get-HeatResource): each one then comes with its Metadata.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HeatResource", DefaultParameterSetName = ListSet)]
    [Alias("Get-HeatStackResource")]
    [OutputType(typeof(HeatResource), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(Hashtable), ParameterSetName = new[] { MetadataSet })]
    public sealed class GetHeatResource : StackTargetCmdlet
    {
        private const string ListSet = "List";
        private const string MetadataSet = "Metadata";

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>One resource (with metadata); wildcards filter the list. With -Metadata: one resource, no wildcards.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ListSet)]
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = MetadataSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string ResourceName { get; set; }

        /// <summary>Only the resource's metadata (a hashtable): what a wait condition handle received, a server's deployments.</summary>
        [Parameter(Mandatory = true, ParameterSetName = MetadataSet)]
        public SwitchParameter Metadata { get; set; }

        /// <summary>Bound from a piped event: the stack's own events name the stack, not a resource.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string PhysicalResourceId { get; set; }

        /// <summary>Include resources of nested stacks this many levels down.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string[] ResourceType { get; set; }

        /// <summary>CREATE_COMPLETE, FAILED, *_IN_PROGRESS ...</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateHeatStatus]
        [ArgumentCompleter(typeof(HeatStatusCompleter))]
        [SupportsWildcards]
        public string[] Status { get; set; }

        /// <summary>With a list: each resource's attributes and properties too (Heat's with_detail).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            if (Metadata && Wildcards.IsPattern(ResourceName))
            {
                ThrowTerminatingError(ErrorCatalog.ToErrorRecord(new PSArgumentException(
                    $"-Metadata reads one resource: '{ResourceName}' is a pattern. Name the resource, or pipe the resources back in " +
                    "(Get-HeatResource <stack> <pattern> | Get-HeatResource): each then carries its Metadata.", nameof(ResourceName)), "HeatResource", ResourceName));
            }
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
                if (Metadata)
                {
                    WriteObject(Await(Client.Resources.GetMetadataAsync(stack, ResourceName, CancellationToken)));
                    return;
                }
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
