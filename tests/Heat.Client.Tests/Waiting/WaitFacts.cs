using System;
using Heat.Client.Models;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>Stacks and events as a wait sees them, for the tests of its rules one at a time.</summary>
    internal static class WaitFacts
    {
        public static readonly StackRef Web = new StackRef("web", "s1");

        public static readonly DateTime Start = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

        public static HeatStack Stack(string status) => new HeatStack { StackName = "web", Id = "s1", StackStatus = status };

        public static HeatEvent Event(string id, string resource, string status, string reason = "state changed", string stackId = "s1") => new HeatEvent
        {
            Id = id,
            ResourceName = resource,
            PhysicalResourceId = resource == "web" ? "s1" : "phys-" + resource,
            ResourceStatus = status,
            ResourceStatusReason = reason,
            StackName = stackId == "s1" ? "web" : "web-child",
            StackId = stackId,
        };
    }
}
