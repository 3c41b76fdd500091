using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Marks a stack's resource unhealthy (CHECK_FAILED: the next stack update replaces it) or healthy again.</para>
    /// <para type="description">-MarkUnhealthy puts the resource in CHECK_FAILED with -Reason as its status reason
    /// (Heat words its own when none is given); the stack's status does not change, and the next Update-HeatStack
    /// replaces the resource. -MarkHealthy turns CHECK_FAILED back into CHECK_COMPLETE and leaves any other state as it
    /// is. A piped resource gives its stack and name. -PassThru writes the resource as Heat then shows it.</para>
    /// </summary>
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

        [Parameter(Mandatory = true, ParameterSetName = UnhealthySet)]
        public SwitchParameter MarkUnhealthy { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = HealthySet)]
        public SwitchParameter MarkHealthy { get; set; }

        /// <summary>The resource's new status reason.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Reason { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // -MarkUnhealthy:$false reads as "healthy", as Heat's own mark_unhealthy=false does.
            bool unhealthy = ParameterSetName == UnhealthySet ? MarkUnhealthy.IsPresent : !MarkHealthy.IsPresent;
            foreach (var stack in ResolveTargets())
            {
                if (!ShouldProcess($"{Describe(stack)} resource {ResourceName}", unhealthy ? "Mark Heat resource unhealthy" : "Mark Heat resource healthy")) continue;
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
