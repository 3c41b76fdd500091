using Xunit;

namespace Heat.Client.Tests.Waiting
{
    /// <summary>A wait reads the stack itself on the poll after two polls in a row brought no events.</summary>
    public class QuietPollsTests
    {
        [Fact]
        public void TheStackIsRead_AfterTwoQuietPolls_NotBefore()
        {
            var quiet = new QuietPolls();
            Assert.False(quiet.StackReadDue);

            quiet.Quiet();
            Assert.False(quiet.StackReadDue);

            quiet.Quiet();
            Assert.True(quiet.StackReadDue);
        }

        [Fact]
        public void News_StartsTheCountAgain()
        {
            var quiet = new QuietPolls();
            quiet.Quiet();

            quiet.News();
            quiet.Quiet();

            Assert.False(quiet.StackReadDue);
        }

        [Fact]
        public void AStackRead_StartsTheCountAgain()
        {
            var quiet = new QuietPolls();
            quiet.Quiet();
            quiet.Quiet();

            quiet.StackRead();

            Assert.False(quiet.StackReadDue);
        }

        [Fact]
        public void ReadStackNext_MakesTheNextPollReadTheStack()
        {
            var quiet = new QuietPolls();

            quiet.ReadStackNext();

            Assert.True(quiet.StackReadDue);
        }
    }
}
