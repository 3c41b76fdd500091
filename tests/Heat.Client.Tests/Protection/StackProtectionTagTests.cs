using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Heat.Client.Protection;
using Heat.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Protection
{
    /// <summary>The protection mark as read from Heat, and the empty tag Heat keeps when a patch takes the last one away.</summary>
    public class StackProtectionTagTests
    {
        private static Task<Models.HeatStack> Shown(params string[] tags)
        {
            var heat = new FakeHeat();
            heat.On(HttpMethod.Get, "stacks/web/1").Json(HttpStatusCode.OK, new JObject { ["stack"] = HeatFixtures.StackDetail("web", "1").With("tags", new JArray(tags)) });
            return heat.Client().Stacks.GetAsync(new StackRef("web", "1"), default);
        }

        [Fact]
        public async Task TheEmptyTagHeatKeepsAfterALastTagIsTakenAway_ReadsAsNoTags()
        {
            var stack = await Shown(string.Empty);

            Assert.Empty(stack.Tags);
            Assert.False(StackProtection.IsProtected(stack));
        }

        [Fact]
        public async Task TheMark_MakesAStackProtected_WithItsCase()
        {
            Assert.True(StackProtection.IsProtected(await Shown("team", StackProtection.Tag)));
            Assert.False(StackProtection.IsProtected(await Shown(StackProtection.Tag.ToUpperInvariant())));
        }
    }
}
