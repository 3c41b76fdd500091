using System;

namespace Heat.Client.Models
{
    /// <summary>
    /// One root cause of a stack's failure: a resource that failed on its own account, not because a stack below it
    /// failed. It carries the stack it belongs to (<see cref="StackName"/>, <see cref="StackId"/>) and its
    /// <see cref="ResourceName"/>, so it pipes into Get-HeatResource and Get-HeatEvent.
    /// </summary>
    public sealed class HeatStackFailure
    {
        /// <summary>The stack that was asked about.</summary>
        public string? RootStackName { get; set; }

        public string? RootStackId { get; set; }

        /// <summary>The stacks from the top down to the one holding the resource: app, app-workers-x, app-workers-x-0-y.</summary>
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The top stack's name and the resource names down to this one, joined by dots, as
        /// <c>openstack stack failures list</c> names a failure: app.workers.0.migrate.</summary>
        public string? ResourcePath { get; set; }

        /// <summary>The stack holding the resource (the last of <see cref="Path"/>).</summary>
        public string? StackName { get; set; }

        public string? StackId { get; set; }

        public string? ResourceName { get; set; }

        public string? ResourceType { get; set; }

        public string? PhysicalResourceId { get; set; }

        /// <summary>CREATE_FAILED, UPDATE_FAILED, CHECK_FAILED ...</summary>
        public string? ResourceStatus { get; set; }

        public string? ResourceStatusReason { get; set; }

        /// <summary>The resource's earliest *_FAILED event of the action it failed (its current one); null when Heat has none.</summary>
        public HeatEvent? FirstFailureEvent { get; set; }

        /// <summary>When the resource first failed: the time of <see cref="FirstFailureEvent"/>.</summary>
        public DateTime? FirstFailureTime => FirstFailureEvent?.EventTime;

        /// <summary>A software deployment (OS::Heat::SoftwareDeployment, OS::Heat::StructuredDeployment, a member of a
        /// deployment group): its script's output is in <see cref="DeployStdout"/>, <see cref="DeployStderr"/>,
        /// <see cref="DeployStatusCode"/>.</summary>
        public bool IsDeployment { get; set; }

        /// <summary>The deployment's <c>deploy_status_code</c>: the script's exit code.</summary>
        public int? DeployStatusCode { get; set; }

        public string? DeployStdout { get; set; }

        public string? DeployStderr { get; set; }

        /// <summary>For a resource still in progress: when its current action started (Heat's updated_time, else its
        /// creation_time), UTC; for a resource paused at a hook, when it paused.</summary>
        public DateTime? Since { get; set; }

        /// <summary>For a resource still in progress or paused: how long, when it was looked at.</summary>
        public TimeSpan? InProgressFor { get; set; }

        /// <summary>For a resource still in progress that waits for a signal: the resource to signal (a wait condition's
        /// handle, or the deployment itself, which its server's agent signals).</summary>
        public string? SignalResource { get; set; }

        /// <summary>The hook (pre-create, pre-update, pre-delete) the resource is paused at.</summary>
        public string? Hook { get; set; }

        /// <summary>What usually lies behind this, and what to do, for the reasons operators meet most (set by the
        /// module, from Heat's reason and the resource's type; null when Heat's answer says nothing more).</summary>
        public string? Hint { get; set; }

        public override string ToString() => ResourcePath ?? string.Empty;
    }
}
