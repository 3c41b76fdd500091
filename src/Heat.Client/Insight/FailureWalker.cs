using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heat.Client.Models;

namespace Heat.Client.Insight
{
    /// <summary>
    /// Finds why a stack failed: walks its failed resources down through failed nested stacks and returns one
    /// <see cref="HeatStackFailure"/> per root cause. A failed resource whose nested stack has failed resources of its
    /// own is not a root cause (those resources are, or their children); a failed resource with no nested stack, or
    /// whose nested stack shows nothing failed or is gone, is. The same walk as <c>openstack stack failures list</c>,
    /// with the first failure event and a deployment's output read for each root cause. With
    /// <see cref="FailureWalkOptions.State"/> IN_PROGRESS the same walk finds what holds a stack still in progress: the
    /// deepest resources in progress, each with when it started and, for a wait condition or a deployment, the resource
    /// a signal would go to.
    /// </summary>
    /// <remarks>
    /// The walk goes level by level: every stack of a level is listed (a few requests at a time) before the next
    /// level starts, so a wide group costs its depth in round trips, not its width, and the set of stacks seen is
    /// only touched between levels. Each stack is listed once, whichever resources lead to it: a repeat or a cycle
    /// (which Heat never answers, a broken proxy might) ends the walk there. The root causes come out depth first, in
    /// the order Heat lists resources, as the reference client prints them.
    /// </remarks>
    public sealed class FailureWalker
    {
        /// <summary>Deployments whose attributes hold the script's output. The group types are nested stacks of these.</summary>
        private static readonly HashSet<string> DeploymentTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "OS::Heat::SoftwareDeployment",
            "OS::Heat::StructuredDeployment",
        };

        /// <summary>Resources that wait for signals sent to a handle resource.</summary>
        private static readonly HashSet<string> WaitConditionTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "OS::Heat::WaitCondition",
            "AWS::CloudFormation::WaitCondition",
        };

        private static readonly HashSet<string> WaitHandleTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "OS::Heat::WaitConditionHandle",
            "OS::Heat::UpdateWaitConditionHandle",
            "AWS::CloudFormation::WaitConditionHandle",
        };

        private readonly HeatClient _client;

        public FailureWalker(HeatClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>The root causes of <paramref name="stack"/>'s failures; empty when no resource failed.</summary>
        public async Task<IReadOnlyList<HeatStackFailure>> FindAsync(StackRef stack, FailureWalkOptions options, CancellationToken cancellationToken)
        {
            options = options ?? new FailureWalkOptions();
            using (var gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentRequests)))
            {
                var walk = new Walk(_client, options, gate, cancellationToken);
                return await walk.RunAsync(stack).ConfigureAwait(false);
            }
        }

        internal static bool IsDeployment(string? resourceType) => resourceType != null && DeploymentTypes.Contains(resourceType);

        /// <summary>One stack met on the walk: where it sits and what failed in it.</summary>
        private sealed class Node
        {
            public Node(StackRef stack, string[] path, string?[] resourcePath, int depth)
            {
                Stack = stack;
                Path = path;
                ResourcePath = resourcePath;
                Depth = depth;
            }

            public readonly StackRef Stack;
            public readonly string[] Path;
            public readonly string?[] ResourcePath;
            public readonly int Depth;
            public IReadOnlyList<HeatResource> Failed = Array.Empty<HeatResource>();

            /// <summary>Failed resources whose nested stack the walk first reached through them.</summary>
            public readonly Dictionary<HeatResource, Node> Children = new Dictionary<HeatResource, Node>();

            /// <summary>Failed resources whose nested stack was already reached another way (a repeat or a cycle).</summary>
            public readonly Dictionary<HeatResource, Node> Repeats = new Dictionary<HeatResource, Node>();
        }

        private sealed class Walk
        {
            private readonly HeatClient _client;
            private readonly FailureWalkOptions _options;
            private readonly SemaphoreSlim _gate;
            private readonly CancellationToken _token;

            public Walk(HeatClient client, FailureWalkOptions options, SemaphoreSlim gate, CancellationToken token)
            {
                _client = client;
                _options = options;
                _gate = gate;
                _token = token;
            }

            public async Task<IReadOnlyList<HeatStackFailure>> RunAsync(StackRef stack)
            {
                // Name and id both: every route below is then exact, and the path starts with the stack's real name.
                var top = await Throttled(() => _client.Stacks.ResolveAsync(stack, _token)).ConfigureAwait(false);
                var root = new Node(top, new[] { top.ToString() }, new[] { top.ToString() }, 0);
                var seen = new Dictionary<string, Node>(StringComparer.Ordinal);
                if (top.StackId != null) seen[top.StackId] = root;

                var level = new List<Node> { root };
                while (level.Count > 0)
                {
                    await Task.WhenAll(level.Select(ListFailedAsync)).ConfigureAwait(false);
                    var next = new List<Node>();
                    foreach (var node in level)
                    {
                        foreach (var resource in node.Failed)
                        {
                            if (!(resource.NestedStackId is string nestedId)) continue;
                            if (seen.TryGetValue(nestedId, out var known))
                            {
                                node.Repeats[resource] = known;
                                continue;
                            }
                            if (node.Depth >= _options.MaxDepth)
                            {
                                Trace($"Not walking below {Describe(node.Stack)}/{resource.ResourceName}: {_options.MaxDepth} nested stacks deep already.");
                                continue;
                            }
                            var child = new Node(
                                new StackRef(resource.NestedStackName, nestedId),
                                node.Path.Concat(new[] { resource.NestedStackName ?? nestedId }).ToArray(),
                                node.ResourcePath.Concat(new[] { resource.ResourceName }).ToArray(),
                                node.Depth + 1);
                            seen[nestedId] = child;
                            node.Children[resource] = child;
                            next.Add(child);
                        }
                    }
                    level = next;
                }

                var causes = new List<(Node Node, HeatResource Resource)>();
                Collect(root, causes);
                return await Task.WhenAll(causes.Select(c => DescribeAsync(top, c.Node, c.Resource))).ConfigureAwait(false);
            }

            /// <summary>Depth first, in Heat's order: a resource is a root cause unless a stack below it shows failures.</summary>
            private static void Collect(Node node, List<(Node, HeatResource)> causes)
            {
                foreach (var resource in node.Failed)
                {
                    if (node.Children.TryGetValue(resource, out var child) && child.Failed.Count > 0)
                    {
                        Collect(child, causes);
                        continue;
                    }
                    // Reported where the walk first met that stack (or, in a cycle, above it).
                    if (node.Repeats.TryGetValue(resource, out var known) && known.Failed.Count > 0) continue;
                    causes.Add((node, resource));
                }
            }

            private async Task ListFailedAsync(Node node)
            {
                var options = new ResourceListOptions();
                options.Statuses.Add(_options.State);
                if (_options.Action != null) options.Actions.Add(_options.Action);
                IReadOnlyList<HeatResource> listed;
                try
                {
                    listed = await Throttled(() => _client.Resources.ListAsync(node.Stack, options, _token)).ConfigureAwait(false);
                }
                catch (HeatNotFoundException) when (node.Depth > 0)
                {
                    // A failed resource whose stack is gone is itself the failure to report (as the reference client does).
                    Trace($"The nested stack {Describe(node.Stack)} is gone; its resource is reported as the failure.");
                    return;
                }
                _options.StackWalked?.Invoke();
                // Heat filters by status and action; a server that ignores the filter must not turn healthy resources into causes.
                node.Failed = listed.Where(r => HeatStatus.State(r.ResourceStatus) == _options.State
                                                && (_options.Action == null || r.ResourceAction == _options.Action)).ToList();
                if (node.Depth > 0 && node.Stack.StackName == null && node.Failed.Count > 0)
                {
                    node.Path[node.Path.Length - 1] = node.Failed[0].StackName ?? node.Path[node.Path.Length - 1];
                }
            }

            private async Task<HeatStackFailure> DescribeAsync(StackRef top, Node node, HeatResource resource)
            {
                var failure = new HeatStackFailure
                {
                    RootStackName = top.StackName,
                    RootStackId = top.StackId,
                    Path = node.Path,
                    ResourcePath = string.Join(".", node.ResourcePath.Concat(new[] { resource.ResourceName })),
                    StackName = resource.StackName ?? node.Stack.StackName,
                    StackId = resource.StackId ?? node.Stack.StackId,
                    ResourceName = resource.ResourceName,
                    ResourceType = resource.ResourceType,
                    PhysicalResourceId = resource.PhysicalResourceId,
                    ResourceStatus = resource.ResourceStatus,
                    ResourceStatusReason = resource.ResourceStatusReason,
                    IsDeployment = IsDeployment(resource.ResourceType),
                };
                var owner = new StackRef(failure.StackName, failure.StackId);
                if (_options.State == HeatStatus.InProgress)
                {
                    failure.Since = resource.UpdatedTime ?? resource.CreationTime;
                    if (failure.Since is DateTime since) failure.InProgressFor = DateTime.UtcNow - since;
                    failure.SignalResource = failure.IsDeployment ? resource.ResourceName : await HandleOfAsync(owner, resource).ConfigureAwait(false);
                    return failure;
                }
                var firstEvent = FirstFailureEventAsync(owner, resource);
                if (failure.IsDeployment) await ReadDeploymentAsync(owner, failure).ConfigureAwait(false);
                failure.FirstFailureEvent = await firstEvent.ConfigureAwait(false);
                return failure;
            }

            /// <summary>
            /// The handle a wait condition waits on: the one resource of a handle type in its stack that it requires (Heat
            /// lists the dependency as the handle's required_by). Null for any other resource, or when it is not one.
            /// </summary>
            private async Task<string?> HandleOfAsync(StackRef owner, HeatResource resource)
            {
                if (!WaitConditionTypes.Contains(resource.ResourceType ?? string.Empty) || resource.ResourceName == null) return null;
                var all = await Throttled(() => _client.Resources.ListAsync(owner, new ResourceListOptions(), _token)).ConfigureAwait(false);
                var handles = all.Where(r => WaitHandleTypes.Contains(r.ResourceType ?? string.Empty) && r.RequiredBy.Contains(resource.ResourceName)).ToList();
                return handles.Count == 1 ? handles[0].ResourceName : null;
            }

            /// <summary>
            /// The earliest *_FAILED event of the action the resource failed now (Heat sorts by time on request): a
            /// resource that failed a create, was fixed and failed a later update or check shows that failure, not the
            /// old one. One event, not the resource's history.
            /// </summary>
            private async Task<HeatEvent?> FirstFailureEventAsync(StackRef owner, HeatResource resource)
            {
                var options = new EventListOptions { ResourceName = resource.ResourceName, SortDirection = "asc", PageSize = 1 };
                options.ResourceStatuses.Add(HeatStatus.Failed);
                if (resource.ResourceAction != null) options.ResourceActions.Add(resource.ResourceAction);
                try
                {
                    var page = await Throttled(() => _client.Events.ListPageAsync(owner, options, null, _token)).ConfigureAwait(false);
                    return page.Items.FirstOrDefault(e => HeatStatus.State(e.ResourceStatus) == HeatStatus.Failed);
                }
                catch (HeatNotFoundException)
                {
                    Trace($"No events for {Describe(owner)}/{resource.ResourceName}: Heat no longer knows the resource.");
                    return null;
                }
            }

            /// <summary>A deployment's resource attributes hold what its script wrote and returned.</summary>
            private async Task ReadDeploymentAsync(StackRef owner, HeatStackFailure failure)
            {
                // Heat names every resource it lists; one without a name could not be read back.
                if (!(failure.ResourceName is string name)) return;
                HeatResource shown;
                try
                {
                    shown = await Throttled(() => _client.Resources.GetAsync(owner, name, withMetadata: false, _token)).ConfigureAwait(false);
                }
                catch (HeatNotFoundException)
                {
                    Trace($"No deployment output for {Describe(owner)}/{failure.ResourceName}: Heat no longer knows the resource.");
                    return;
                }
                var attributes = shown.Attributes;
                if (attributes == null) return;
                failure.DeployStdout = attributes["deploy_stdout"] as string;
                failure.DeployStderr = attributes["deploy_stderr"] as string;
                failure.DeployStatusCode = StatusCode(attributes["deploy_status_code"]);
            }

            /// <summary>Heat gives the exit code as a number; a signal may have sent it as text.</summary>
            private static int? StatusCode(object value)
            {
                switch (value)
                {
                    case int i:
                        return i;
                    case long l when l >= int.MinValue && l <= int.MaxValue:
                        return (int)l;
                    case string s when int.TryParse(s.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                        return parsed;
                    default:
                        return null;
                }
            }

            private async Task<T> Throttled<T>(Func<Task<T>> call)
            {
                await _gate.WaitAsync(_token).ConfigureAwait(false);
                try
                {
                    return await call().ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }
            }

            private void Trace(string message) => _client.Trace?.Invoke(message);

            private static string Describe(StackRef stack) => stack.ToString();
        }
    }
}
