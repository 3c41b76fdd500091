using Heat.Client.Models;
using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>A stack's own events are those naming the stack as their resource, with its id (or none) as physical id.</summary>
    public class OwnEventsTests
    {
        [Fact]
        public void TheNewestOwnEvent_IsFound_AmongItsResourcesEvents()
        {
            var fresh = new[] { Event("e1", "web", "CREATE_IN_PROGRESS"), Event("e2", "a", "CREATE_COMPLETE"), Event("e3", "web", "CREATE_COMPLETE") };

            Assert.Equal("e3", OwnEvents.Last(fresh, Web).Id);
        }

        [Fact]
        public void AResourceNamedLikeTheStack_WithAnotherPhysicalId_IsNotTheStack()
        {
            var namesake = new HeatEvent { Id = "e1", ResourceName = "web", PhysicalResourceId = "server-9", ResourceStatus = "CREATE_COMPLETE" };

            Assert.False(OwnEvents.IsOf(namesake, Web));
            Assert.True(OwnEvents.IsOf(new HeatEvent { ResourceName = "web", PhysicalResourceId = "" }, Web));
        }
    }
}
