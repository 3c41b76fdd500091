using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Marks a stack's resource unhealthy, so that the next update replaces it, or healthy again.</summary>
    /// <remarks>
    /// <para>Set-HeatResource changes a resource's health as <c>openstack stack resource mark unhealthy [--reset]</c>
    /// does. -MarkUnhealthy puts the resource in CHECK_FAILED with -Reason as its status reason (Heat words its own
    /// when none is given); the stack's status does not change, and the next Update-HeatStack (even -Existing with
    /// nothing changed) replaces the resource. -MarkHealthy turns CHECK_FAILED back into CHECK_COMPLETE and leaves any
    /// other state as it is.</para>
    /// <para>A piped resource gives its stack and name. -PassThru writes the resource as Heat then shows it. An action
    /// in progress on the stack is a HeatResourceConflict error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Set-HeatResource web-prod server -MarkUnhealthy -Reason 'disk full'
    /// Update-HeatStack web-prod -Existing -Wait
    /// </code>
    /// <para>Marks the server unhealthy, then lets an update replace it.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-HeatResource web-prod server -MarkHealthy -PassThru
    /// </code>
    /// <para>Takes the mark back and shows the resource.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "HeatResource", SupportsShouldProcess = true)]
    [OutputType(typeof(HeatResource))]
    public sealed class SetHeatResource : StackTargetCmdlet
    {
        private const string UnhealthySet = "MarkUnhealthy";
        private const string HealthySet = "MarkHealthy";

        /// <summary>The resource's name (or its physical id, which Heat also takes).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string ResourceName { get; set; }

        /// <summary>Mark the resource unhealthy (CHECK_FAILED): the next stack update replaces it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UnhealthySet)]
        public SwitchParameter MarkUnhealthy { get; set; }

        /// <summary>Mark the resource healthy again: CHECK_FAILED becomes CHECK_COMPLETE; any other state is left as it
        /// is.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HealthySet)]
        public SwitchParameter MarkHealthy { get; set; }

        /// <summary>The resource's new status reason. Left out, Heat words its own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Reason { get; set; }

        /// <summary>Write the resource as Heat shows it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // -MarkUnhealthy:$false reads as "healthy", as Heat's own mark_unhealthy=false does.
            bool unhealthy = ParameterSetName == UnhealthySet ? MarkUnhealthy.IsPresent : !MarkHealthy.IsPresent;
            foreach (var stack in ResolveTargets())
            {
                if (!ShouldAct($"{Describe(stack)} resource {ResourceName}", unhealthy ? "Mark Heat resource unhealthy" : "Mark Heat resource healthy")) continue;
                TryItem("HeatResource", $"{stack}/{ResourceName}", () =>
                {
                    // Resolved once here, so that -PassThru's read needs no second lookup.
                    var resolved = Await(Client.Stacks.ResolveAsync(stack, CancellationToken));
                    Await(Client.Resources.MarkUnhealthyAsync(resolved, ResourceName, unhealthy, Reason, CancellationToken));
                    if (PassThru) WriteObject(Await(Client.Resources.GetAsync(resolved, ResourceName, withMetadata: true, CancellationToken)));
                });
            }
        }
    }
}
