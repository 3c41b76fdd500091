using System;

namespace Heat.Client.Internal
{
    /// <summary>
    /// Every Heat URL this client sends to, relative to Heat's endpoint, in one place (as gophercloud's urls.go). A
    /// value in a path becomes one percent-encoded segment, and a value that is empty, "." or ".." is refused before
    /// anything is sent: a URL parser on the way (ours, a proxy's, Heat's router) reads those as "the list", "here" or
    /// "one up", so <c>DELETE .../snapshots/..</c> would delete the stack itself. Routes below a stack are
    /// <see cref="StackPath"/>s: checked when made, which is before the stack is looked up, and placed under the stack
    /// once it is known.
    /// </summary>
    internal static class HeatRoutes
    {
        public const string Stacks = "stacks";

        /// <summary>A create's preview: <c>POST /stacks/preview</c> (what <c>openstack stack create --dry-run</c> sends).</summary>
        public const string CreatePreview = Stacks + "/preview";

        /// <summary><c>stacks/{name}/{id}</c> when both are known, else <c>stacks/{name-or-id}</c> (Heat redirects).</summary>
        public static string Stack(StackRef stack) =>
            stack.StackName != null && stack.StackId != null
                ? Stacks + "/" + Segment(stack.StackName, "stack name") + "/" + Segment(stack.StackId, "stack id")
                : Stacks + "/" + (stack.StackId is string id ? Segment(id, "stack id") : Segment(stack.ToString(), "stack name"));

        public static readonly StackPath UpdatePreview = new StackPath("preview");

        public static readonly StackPath Actions = new StackPath("actions");

        public static readonly StackPath Template = new StackPath("template");

        public static readonly StackPath Environment = new StackPath("environment");

        public static readonly StackPath Files = new StackPath("files");

        public static readonly StackPath Export = new StackPath("export");

        public static readonly StackPath Abandon = new StackPath("abandon");

        public static readonly StackPath Outputs = new StackPath("outputs");

        public static StackPath Output(string key) => Outputs.Then(Segment(key, "output key"));

        public static readonly StackPath Snapshots = new StackPath("snapshots");

        public static StackPath Snapshot(string snapshotId) => Snapshots.Then(Segment(snapshotId, "snapshot id"));

        public static StackPath SnapshotRestore(string snapshotId) => Snapshot(snapshotId).Then("restore");

        public static readonly StackPath Resources = new StackPath("resources");

        public static StackPath Resource(string resourceName) => Resources.Then(Segment(resourceName, "resource name"));

        public static StackPath ResourceMetadata(string resourceName) => Resource(resourceName).Then("metadata");

        public static StackPath ResourceSignal(string resourceName) => Resource(resourceName).Then("signal");

        public static readonly StackPath Events = new StackPath("events");

        public static StackPath ResourceEvents(string resourceName) => Resource(resourceName).Then("events");

        /// <summary>One event, which Heat addresses through its resource.</summary>
        public static StackPath Event(string resourceName, string eventId) => ResourceEvents(resourceName).Then(Segment(eventId, "event id"));

        public const string SoftwareConfigs = "software_configs";

        public static string SoftwareConfig(string configId) => SoftwareConfigs + "/" + Segment(configId, "software config id");

        public const string SoftwareDeployments = "software_deployments";

        public static string SoftwareDeployment(string deploymentId) => SoftwareDeployments + "/" + Segment(deploymentId, "software deployment id");

        /// <summary>What a server's agent reads: the configs deployed to it.</summary>
        public static string ServerMetadata(string serverId) => SoftwareDeployments + "/metadata/" + Segment(serverId, "server id");

        public const string ResourceTypes = "resource_types";

        public static string ResourceType(string typeName) => ResourceTypes + "/" + Segment(typeName, "resource type");

        public static string ResourceTypeTemplate(string typeName) => ResourceType(typeName) + "/template";

        public const string TemplateVersions = "template_versions";

        public static string TemplateFunctions(string version) => TemplateVersions + "/" + Segment(version, "template version") + "/functions";

        public const string Validate = "validate";

        public const string Services = "services";

        public const string BuildInfo = "build_info";

        /// <summary>A value as one path segment: encoded (a '/' or '?' in it stays inside the segment), never a dot segment.</summary>
        /// <param name="what">What the value names, for the error ("snapshot id").</param>
        /// <exception cref="ArgumentException">The value is null, empty, "." or "..".</exception>
        public static string Segment(string value, string what)
        {
            if (Strings.IsNullOrEmpty(value)) throw new ArgumentException($"A {what} is null or empty.");
            if (value == "." || value == "..")
            {
                throw new ArgumentException($"'{value}' cannot be a {what}: in a URL it means the current or the parent folder, " +
                    "so the request would reach another route.");
            }
            return Uri.EscapeDataString(value);
        }
    }
}
