using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists a stack's resources, or gets one resource with its attributes and metadata.</summary>
    /// <remarks>
    /// <para>Get-HeatResource lists the resources of each stack (<c>openstack stack resource list</c>): name, type,
    /// status, reason, physical id and times, filtered by -ResourceType and -Status, reaching -NestedDepth levels into
    /// nested stacks (their resources carry their own StackName). -Detailed adds each resource's attributes and
    /// properties. A -ResourceName without wildcards reads that one resource in full (<c>openstack stack resource
    /// show</c>), with its attributes and metadata; with wildcards it filters the list.</para>
    /// <para>-Metadata writes only the named resource's metadata, as a hashtable, through Heat's metadata route: what a
    /// wait condition handle received, a server's software deployments. It takes one name without wildcards; for many
    /// resources pipe them back in (<c>Get-HeatResource web handle* | Get-HeatResource</c>) and read each one's
    /// Metadata.</para>
    /// <para>Piped events give their resources, each once. A HeatResource carries StackName and StackId, so it pipes
    /// into Get-HeatEvent, Send-HeatResourceSignal, Set-HeatResource and Get-HeatResourceType.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatResource web-prod -NestedDepth 2 -ResourceType OS::Heat::*
    /// </code>
    /// <para>The Heat resources of web-prod and of its nested stacks, two levels down.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatResource web-prod app_config
    /// </code>
    /// <para>One resource in full, with its attributes and metadata.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatResource web-prod handle -Metadata
    /// </code>
    /// <para>Only the metadata of the handle resource: the signals a wait condition handle received.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatEvent web-prod -Status *FAILED | Get-HeatResource
    /// </code>
    /// <para>The resources that have failure events, each once.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatResource", DefaultParameterSetName = ListSet)]
    [Alias("Get-HeatStackResource")]
    [OutputType(typeof(HeatResource), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(Hashtable), ParameterSetName = new[] { MetadataSet })]
    public sealed class GetHeatResource : StackTargetCmdlet, Fleet.IFleetReader
    {
        private const string ListSet = "List";
        private const string MetadataSet = "Metadata";

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>A resource's name: read it in full with attributes and metadata. Wildcards filter the list instead.
        /// With -Metadata: one name, no wildcards. Binds from a piped event or resource.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ListSet)]
        // Not mandatory with -Metadata either (checked below): a mandatory parameter that binds from the pipeline would
        // make PowerShell choose the Metadata set for every piped resource, since no stack parameter is mandatory.
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = MetadataSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string ResourceName { get; set; }

        /// <summary>Write only the named resource's metadata, as a hashtable (Heat's metadata route): what a wait
        /// condition handle received, a server's deployments.</summary>
        [Parameter(Mandatory = true, ParameterSetName = MetadataSet)]
        public SwitchParameter Metadata { get; set; }

        /// <summary>Bound from a piped event: the stack's own events name the stack, not a resource.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string PhysicalResourceId { get; set; }

        /// <summary>Include the resources of nested stacks this many levels down (0 to 10; default 0).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        /// <summary>Only resources of these types; wildcards match (OS::Heat::*).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceTypeCompleter))]
        public string[] ResourceType { get; set; }

        /// <summary>Only resources with this status: CREATE_COMPLETE, *_IN_PROGRESS, or just a state (FAILED, COMPLETE
        /// ...).</summary>
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
            if (Dispatched()) return;
            if (Metadata && ResourceName == null)
            {
                ThrowTerminatingError(ErrorCatalog.ToErrorRecord(new PSArgumentException(
                    "-Metadata reads one resource: name it with -ResourceName, or pipe resources in.", nameof(ResourceName)), "HeatResource", null));
            }
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
