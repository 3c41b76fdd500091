using System;
using System.Linq;
using System.Management.Automation;
using Heat.Client;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Lists a stack's events, one resource's events, or one event; -Follow writes new ones as they
    /// happen.</summary>
    /// <remarks>
    /// <para>Get-HeatEvent writes the events of each stack oldest first, every page of Heat's list (<c>openstack stack
    /// event list</c>), filtered by -Status, -Action and -ResourceType, for the whole stack or -ResourceName only,
    /// reaching -NestedDepth levels into nested stacks. -Id reads one event in full (<c>openstack stack event
    /// show</c>).</para>
    /// <para>-Follow writes the events so far, then each new event once, as it happens, until the stack ends what it is
    /// doing, -FollowTimeoutMinutes pass, or Ctrl+C. It reads only new events, so it costs one small request every few
    /// seconds.</para>
    /// <para>Piped resources give their own events; piped stacks theirs. Each HeatEvent carries StackName and StackId,
    /// and its resource's name, so it pipes into Get-HeatResource.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-HeatEvent web-prod -Status *FAILED
    /// </code>
    /// <para>The failure events of web-prod, oldest first.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatEvent web-prod -ResourceName workers -NestedDepth 2
    /// </code>
    /// <para>The events of the workers resource and of the nested stacks under it, two levels down.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-HeatStack web-test -TemplatePath ./web.yaml | Get-HeatEvent -Follow
    /// </code>
    /// <para>Creates a stack and watches its events arrive until it is done.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HeatEvent")]
    [Alias("Get-HeatStackEvent")]
    [OutputType(typeof(HeatEvent))]
    public sealed class GetHeatEvent : StackTargetCmdlet
    {
        /// <summary>Only this resource's events. A piped resource gives its own name.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string ResourceName { get; set; }

        /// <summary>One event, by its id, read in full (with -ResourceName when the event is a resource's).</summary>
        [Parameter]
        [Alias("EventId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        /// <summary>Include the events of nested stacks this many levels down (0 to 10; default 0, the stack's
        /// own).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        /// <summary>Only events with this status: CREATE_FAILED, *_COMPLETE, or just a state (FAILED, COMPLETE,
        /// IN_PROGRESS).</summary>
        [Parameter]
        [ValidateHeatStatus]
        [ArgumentCompleter(typeof(HeatStatusCompleter))]
        [SupportsWildcards]
        public string[] Status { get; set; }

        /// <summary>Only events of these actions: CREATE, UPDATE, DELETE, ROLLBACK, SUSPEND, RESUME, CHECK
        /// ...</summary>
        [Parameter]
        [ArgumentCompleter(typeof(HeatActionCompleter))]
        public string[] Action { get; set; }

        /// <summary>Only events of resources of these types (OS::Heat::RandomString, OS::Nova::Server ...).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ResourceTypeCompleter))]
        public string[] ResourceType { get; set; }

        /// <summary>After the events so far, go on writing new ones as they happen (each once) until the stack ends
        /// what it is doing, -FollowTimeoutMinutes pass, or Ctrl+C.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>With -Follow: how long to follow at most, in minutes (default 1440).</summary>
        [Parameter]
        [ValidateRange(1, 10080)]
        public int FollowTimeoutMinutes { get; set; } = 1440;

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets()) ListOrGet(stack);
        }

        private void ListOrGet(StackRef stack)
        {
            var target = ResourceName != null ? $"{stack}/{ResourceName}" : stack.ToString();
            var noun = "HeatEvent";
            TryItem(noun, target, () =>
            {
                if (Id != null && ResourceName != null)
                {
                    WriteObject(Await(Client.Events.GetAsync(stack, ResourceName, Id, CancellationToken)));
                    return;
                }
                var status = new StatusFilter(Status);
                var options = new EventListOptions { ResourceName = ResourceName };
                if (MyInvocation.BoundParameters.ContainsKey(nameof(NestedDepth))) options.NestedDepth = NestedDepth;
                foreach (var state in status.ServerStates) options.ResourceStatuses.Add(state);
                if (Action != null) foreach (var action in Action) options.ResourceActions.Add(action.ToUpperInvariant());
                if (ResourceType != null) foreach (var type in ResourceType) options.ResourceTypes.Add(type);
                bool found = false;
                string last = null;
                foreach (var evt in Stream(Client.Events.List(stack, options, CancellationToken), $"Reading the events of {stack}"))
                {
                    last = evt.Id;
                    if (Id != null)
                    {
                        if (evt.Id != Id) continue;
                        // The list leaves out the resource's type and properties; the event's own route has them.
                        WriteObject(Detailed(stack, evt));
                        found = true;
                        break;
                    }
                    if (status.Matches(evt.ResourceStatus)) WriteObject(evt);
                }
                if (Id != null && !found)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"Stack '{stack}' has no event with id '{Id}'."),
                        "HeatEventNotFound", ErrorCategory.ObjectNotFound, Id));
                }
                if (Follow && Id == null) FollowFrom(stack, last, status);
            });
        }

        /// <summary>The event with its resource's type and properties, from the event's own route; as listed if that fails.</summary>
        private HeatEvent Detailed(StackRef stack, HeatEvent listed)
        {
            if (listed.ResourceName == null) return listed;
            try
            {
                var exact = listed.StackName != null && listed.StackId != null ? new StackRef(listed.StackName, listed.StackId) : stack;
                return Await(Client.Events.GetAsync(exact, listed.ResourceName, listed.Id, CancellationToken));
            }
            catch (HeatNotFoundException)
            {
                return listed;
            }
        }

        /// <summary>Writes each new event once, from the stack's one wait loop, until the stack is in a final state.</summary>
        private void FollowFrom(StackRef stack, string marker, StatusFilter status)
        {
            var types = (ResourceType ?? new string[0]).Select(Wildcards.Pattern).ToList();
            var actions = (Action ?? new string[0]).Select(a => a.ToUpperInvariant()).ToList();
            bool Wanted(HeatEvent e) =>
                (ResourceName == null || string.Equals(e.ResourceName, ResourceName, StringComparison.Ordinal)) &&
                status.Matches(e.ResourceStatus) &&
                (actions.Count == 0 || actions.Contains(e.ResourceAction)) &&
                (types.Count == 0 || types.Any(t => t.IsMatch(e.ResourceType ?? string.Empty)));
            var options = new StackWatchOptions
            {
                Marker = marker,
                Timeout = TimeSpan.FromMinutes(FollowTimeoutMinutes),
                NestedDepth = MyInvocation.BoundParameters.ContainsKey(nameof(NestedDepth)) ? NestedDepth : (int?)null,
            };
            if (marker == null)
            {
                // No event yet: everything from now on is new.
                options.IsNew = true;
            }
            Await(Client.Stacks.WaitAsync(stack, options, seen =>
            {
                foreach (var evt in seen.NewEvents.Where(Wanted).ToList()) Post(() => WriteObject(evt));
            }, CancellationToken));
        }
    }
}
