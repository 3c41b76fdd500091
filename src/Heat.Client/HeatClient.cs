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
        public HeatClient(HeatSession session, Action<string>? trace = null)
        {
            Session = session ?? throw new ArgumentNullException(nameof(session));
            Trace = trace;
            var api = new HeatApi(session, trace);
            // Built bottom up, each from what is below it: names, then the clients of routes below a stack, then the
            // watcher above them, then the stacks' own door, which hands waits to the watcher.
            var names = new StackResolver(api);
            var reader = new StackReader(api, names);
            Events = new EventsClient(api, names);
            Resources = new ResourcesClient(api, names);
            Hooks = new HooksClient(api, names, reader, Events, Resources);
            var watcher = new StackWatcher(reader, Events, Resources, Hooks, trace);
            Stacks = new StacksClient(names, reader, new StackRequests(api, names, reader), watcher, Events);
            Templates = new TemplatesClient(api);
            Outputs = new OutputsClient(api, names);
            StackData = new StackDataClient(api, names);
            Snapshots = new SnapshotsClient(api, names);
            ResourceTypes = new ResourceTypesClient(api);
            TemplateVersions = new TemplateVersionsClient(api);
            Comparer = new Insight.StackComparer(Stacks, StackData);
            Service = new ServiceClient(api);
            SoftwareConfigs = new SoftwareConfigsClient(api);
            SoftwareDeployments = new SoftwareDeploymentsClient(api);
        }

        public HeatSession Session { get; }

        public Action<string>? Trace { get; }

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
