using System.Collections;
using System.Management.Automation;
using Heat.Client.Models;

namespace Heat.PowerShell.Cmdlets
{
    /// <summary>Signals a stack's resource, with data: a wait condition handle, a scaling policy, any resource that
    /// takes signals.</summary>
    /// <remarks>
    /// <para>Send-HeatResourceSignal posts a signal to the resource (<c>openstack stack resource signal --data</c>);
    /// -Data is its JSON body, left out for none. A wait condition handle (OS::Heat::WaitConditionHandle) takes @{
    /// status = 'SUCCESS' or 'FAILURE'; reason = '...'; data = ...; id = '...' }, every key optional: no data is a
    /// success, a signal without id gets the next number, and one with an id already received replaces it. Its
    /// OS::Heat::WaitCondition completes when count signals succeeded, and fails on a FAILURE with its reason.</para>
    /// <para>Heat takes the signal and the resource handles it in its own time, so nothing is written. A resource that
    /// takes no signals, or is not in a state to, is an error record. A signal is not sent twice on a guess: one whose
    /// answer was lost is reported (HeatResourceOutcomeUnknown), not repeated. A piped resource (Get-HeatResource),
    /// nested ones included, is signalled in its own stack.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Send-HeatResourceSignal web-prod handle -Data @{ status = 'SUCCESS'; reason = 'web1 built'; data = 'ok'; id = 'web1' }
    /// </code>
    /// <para>Tells the wait condition handle of web-prod that web1 is built; the wait condition counts it.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-HeatResource web-prod -ResourceType OS::Heat::ScalingPolicy | Send-HeatResourceSignal
    /// </code>
    /// <para>Signals every scaling policy of the stack, without data (a scale-out or scale-in, as each policy
    /// says).</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Send, "HeatResourceSignal", SupportsShouldProcess = true)]
    [OutputType(typeof(HeatResource))]
    public sealed class SendHeatResourceSignal : StackTargetCmdlet
    {
        /// <summary>The resource to signal. Binds by property name, so a piped resource is signalled in its own
        /// (possibly nested) stack.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string ResourceName { get; set; }

        /// <summary>The signal's body, sent as JSON; left out, the signal has no body.</summary>
        [Parameter(Position = 2)]
        public IDictionary Data { get; set; }

        /// <summary>Write the resource as Heat shows it once it took the signal (as Set-HeatResource -PassThru does).
        /// Without it nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var stack in ResolveTargets())
            {
                var target = $"{stack}/{ResourceName}";
                if (!ShouldAct($"{Describe(stack)} resource {ResourceName}", "Send a signal to Heat resource")) continue;
                TryItem("HeatResource", target, () =>
                {
                    // PowerShell's wrappers (PSObject, [pscustomobject]) come off here; the client sends plain values.
                    var data = Data == null ? null : ParameterValues.Build(Data, null, null);
                    Await(Client.Resources.SignalAsync(stack, ResourceName, data, CancellationToken));
                    WriteVerbose($"Heat took the signal for {target}.");
                    if (PassThru) WriteObject(Await(Client.Resources.GetAsync(stack, ResourceName, withMetadata: true, CancellationToken)));
                });
            }
        }
    }
}
