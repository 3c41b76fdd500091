using System.Collections;
using System.Management.Automation;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Signals a stack's resource, with data: a wait condition handle (SUCCESS or FAILURE), a scaling policy, a signal-driven resource.</para>
    /// <para type="description">Heat hands -Data to the resource as JSON. A wait condition handle takes
    /// @{ status = 'SUCCESS' or 'FAILURE'; reason = '...'; data = ...; id = '...' } (every key optional: no data is a
    /// success, and a signal without id gets the next number; a signal with an id already seen replaces it). Heat takes
    /// the signal and the resource handles it on its own time; nothing is written. A piped resource (Get-HeatResource)
    /// gives its stack and name, nested stacks' too.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "HeatResourceSignal", SupportsShouldProcess = true)]
    public sealed class SendHeatResourceSignal : StackTargetCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string ResourceName { get; set; }

        /// <summary>The signal's body; left out, Heat gets no body.</summary>
        [Parameter(Position = 2)]
        public IDictionary Data { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                var target = $"{stack}/{ResourceName}";
                if (!ShouldProcess($"{Describe(stack)} resource {ResourceName}", "Send a signal to Heat resource")) continue;
                TryItem("HeatResource", target, () =>
                {
                    // PowerShell's wrappers (PSObject, [pscustomobject]) come off here; the client sends plain values.
                    var data = Data == null ? null : ParameterValues.Build(Data, null, null);
                    Await(Client.Resources.SignalAsync(stack, ResourceName, data, CancellationToken));
                    WriteVerbose($"Heat took the signal for {target}.");
                });
            }
        }
    }
}
