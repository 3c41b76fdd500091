using Xunit;
using static Heat.Client.Tests.Waiting.WaitFacts;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>Progress counts the stack's own resources whose latest event in the wait is *_COMPLETE.</summary>
    public class ResourceTallyTests
    {
        [Fact]
        public void EachResourceCounts_ByItsLatestEvent()
        {
            var tally = new ResourceTally();

            tally.Observe(new[] { Event("e1", "a", "CREATE_COMPLETE"), Event("e2", "b", "CREATE_COMPLETE"), Event("e3", "b", "UPDATE_IN_PROGRESS") }, Web);

            Assert.Equal(1, tally.Done);
        }

        [Fact]
        public void TheStacksOwnEvents_AndNestedStacksResources_DoNotCount()
        {
            var tally = new ResourceTally();

            tally.Observe(new[] { Event("e1", "web", "CREATE_COMPLETE"), Event("e2", "a", "CREATE_COMPLETE", stackId: "nested-1") }, Web);

            Assert.Equal(0, tally.Done);
        }

        [Fact]
        public void BatchesAddUp()
        {
            var tally = new ResourceTally();

            tally.Observe(new[] { Event("e1", "a", "CREATE_COMPLETE") }, Web);
            tally.Observe(new[] { Event("e2", "b", "CREATE_COMPLETE") }, Web);

            Assert.Equal(2, tally.Done);
        }
    }
}
