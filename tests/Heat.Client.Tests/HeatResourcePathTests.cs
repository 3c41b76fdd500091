using Heat.Client.Models;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>A nested resource's place read back from Heat's nested stack names: web.workers.0.server.</summary>
    public class HeatResourcePathTests
    {
        [Theory]
        [InlineData("web", "web", "server", "web.server")]
        [InlineData("web", "web", "web", "web")] // the stack's own event
        [InlineData("web", "web-workers-4kq2xw5nbd7e", "web-workers-4kq2xw5nbd7e", "web.workers")]
        [InlineData("web", "web-workers-4kq2xw5nbd7e-1-uq3ifh2kdy7c", "server", "web.workers.1.server")]
        [InlineData("ux-fail", "ux-fail-mid-s6g4smm5bdro-group-unho23yzv4qy-0-u2sqshz3agkh", "work", "ux-fail.mid.group.0.work")]
        [InlineData("my-app", "my-app-db-tier-2abcdefghijk", "volume-1", "my-app.db-tier.volume-1")] // dashes in names
        [InlineData("web", "other-x-4kq2xw5nbd7e", "r", "other-x-4kq2xw5nbd7e.r")] // another stack's name stays as it is
        [InlineData("web", "we-9-workers-4kq2xw5nbd7e", "r", "we-9-workers-4kq2xw5nbd7e.r")] // a name Heat shortened
        [InlineData(null, "web", "r", "web.r")]
        public void ReadsANestedStacksNameBack(string root, string stack, string resource, string path)
        {
            Assert.Equal(path, HeatResourcePath.Of(root, stack, resource));
        }
    }
}
