using System;
using Heat.Client.Internal;

namespace Heat.Client
{
    /// <summary>
    /// Heat's API over one <see cref="HeatSession"/>, one client per resource: <see cref="Stacks"/>, <see cref="Events"/>,
    /// <see cref="Resources"/>, <see cref="Templates"/>. Cheap to create (one per cmdlet call); the session it uses is
    /// shared. Every call takes a CancellationToken. It never touches a PowerShell host: it reports what it does
    /// through <see cref="Trace"/> (one line per request, retry and response; never a body or a token).
    /// </summary>
    public sealed class HeatClient
    {
        public HeatClient(HeatSession session, Action<string> trace = null)
        {
            Session = session ?? throw new ArgumentNullException(nameof(session));
            Trace = trace;
            var api = new HeatApi(session, trace);
            Stacks = new StacksClient(api);
            Events = new EventsClient(api, Stacks);
            Resources = new ResourcesClient(api, Stacks);
            Hooks = new HooksClient(api, Stacks, Events, Resources);
            Stacks.Join(Events, Resources, Hooks);
            Templates = new TemplatesClient(api);
            Outputs = new OutputsClient(api, Stacks);
            StackData = new StackDataClient(api, Stacks);
            Snapshots = new SnapshotsClient(api, Stacks);
            ResourceTypes = new ResourceTypesClient(api);
            TemplateVersions = new TemplateVersionsClient(api);
            Comparer = new Insight.StackComparer(Stacks, StackData);
            Service = new ServiceClient(api);
            SoftwareConfigs = new SoftwareConfigsClient(api);
            SoftwareDeployments = new SoftwareDeploymentsClient(api);
        }

        public HeatSession Session { get; }

        public Action<string> Trace { get; }

        public StacksClient Stacks { get; }

        public EventsClient Events { get; }

        public ResourcesClient Resources { get; }

        public TemplatesClient Templates { get; }

        public OutputsClient Outputs { get; }

        /// <summary>A stack's template, environment, files and export.</summary>
        public StackDataClient StackData { get; }

        public SnapshotsClient Snapshots { get; }

        /// <summary>Heat's engines, build and API versions.</summary>
        public ServiceClient Service { get; }

        /// <summary>Resources paused at hooks (breakpoints), and clearing them.</summary>
        public HooksClient Hooks { get; }

        /// <summary>The resource types this cloud offers, their schemas and generated templates.</summary>
        public ResourceTypesClient ResourceTypes { get; }

        /// <summary>The template versions Heat reads and each one's functions.</summary>
        public TemplateVersionsClient TemplateVersions { get; }

        /// <summary>What an update would change: Heat's preview joined with a template and parameter diff.</summary>
        public Insight.StackComparer Comparer { get; }

        /// <summary>Software configs and deployments: what servers' agents run, and what they report back.</summary>
        public SoftwareConfigsClient SoftwareConfigs { get; }

        public SoftwareDeploymentsClient SoftwareDeployments { get; }
    }
}
