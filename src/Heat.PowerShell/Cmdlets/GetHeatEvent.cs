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
    /// doing, -WaitTimeoutMinutes pass, or Ctrl+C. It reads only new events, so it costs one small request every few
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
    public sealed class GetHeatEvent : StackTargetCmdlet, Fleet.IFleetReader
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

        /// <summary>Only events of resources of these types (OS::Heat::RandomString, OS::Nova::Server, OS::Heat::*), as
        /// Get-HeatResource -ResourceType matches them, listed or followed: the types are looked up from the stack's
        /// resources, so an event of a resource Heat no longer lists (deleted) does not match.</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceTypeCompleter))]
        public string[] ResourceType { get; set; }

        /// <summary>After the events so far, go on writing new ones as they happen (each once) until the stack ends
        /// what it is doing, -WaitTimeoutMinutes pass, or Ctrl+C. A stack that ends FAILED, or rolled back, is an
        /// error record after its events, as a wait's.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>With -Follow: how long to follow at most, in minutes (1 to 10080, a week; default 1440), as every
        /// cmdlet that waits takes it (alias FollowTimeoutMinutes).</summary>
        [Parameter]
        [ValidateRange(1, WaitTimeouts.MaxMinutes)]
        [Alias("FollowTimeoutMinutes")]
        public int WaitTimeoutMinutes { get; set; } = 1440;

        protected override void ProcessRecord()
        {
            if (Dispatched()) return;
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
                var types = new ResourceTypeFilter(ResourceType, stack, options.NestedDepth);
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
                    // Only with -ResourceType is there a type to look up: an Await per event costs a wait handle each.
                    if (status.Matches(evt.ResourceStatus) && (!types.Active || Await(types.MatchesAsync(Client, evt, CancellationToken)))) WriteObject(evt);
                }
                if (Id != null && !found)
                {
                    WriteError(ToErrorRecord(new ItemNotFoundException($"Stack '{stack}' has no event with id '{Id}'."), noun, Id));
                }
                if (Follow && Id == null) FollowFrom(stack, last, status, types);
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
        private void FollowFrom(StackRef stack, string marker, StatusFilter status, ResourceTypeFilter types)
        {
            var actions = (Action ?? Array.Empty<string>()).Select(a => a.ToUpperInvariant()).ToList();
            var resourceName = ResourceName;
            bool Wanted(HeatEvent e) =>
                (resourceName == null || string.Equals(e.ResourceName, resourceName, StringComparison.Ordinal)) &&
                status.Matches(e.ResourceStatus) &&
                (actions.Count == 0 || actions.Contains(e.ResourceAction));
            var options = new StackWatchOptions
            {
                Marker = marker,
                Timeout = TimeSpan.FromMinutes(WaitTimeoutMinutes),
                NestedDepth = MyInvocation.BoundParameters.ContainsKey(nameof(NestedDepth)) ? NestedDepth : (int?)null,
            };
            if (marker == null)
            {
                // No event yet: everything from now on is new.
                options.IsNew = true;
            }
            var client = Client;
            var token = CancellationToken;
            var final = Await(client.Stacks.WaitAsync(stack, options, seen =>
            {
                // The wait reports one poll after another: looking a type up here keeps the events in order, and the
                // filter's table is only ever used by one thread at a time.
                foreach (var evt in seen.NewEvents.Where(Wanted).ToList())
                {
                    if (types.MatchesAsync(client, evt, token).GetAwaiter().GetResult()) Post(() => WriteObject(evt));
                }
            }, CancellationToken));
            // A stack that ended FAILED (or rolled back) ends the stream as an error, as a wait would: a script that
            // follows a deployment must not read its end as a success.
            if (final != null) new OperationWaits(this).ReportFailure(stack, final, WaitGoal.Any, "HeatStack");
        }
    }
}
