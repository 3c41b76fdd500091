using System;
using System.Collections;
using Heat.Client.Internal;
using Heat.Client.Models;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests
{
    public class JsonTests
    {
        [Theory]
        [InlineData("2026-11-25T10:00:00")]
        [InlineData("2026-11-25T10:00:00Z")]
        [InlineData("2026-11-25T10:00:00.000000")]
        [InlineData("2026-11-25T10:00:00.000000Z")]
        [InlineData("2026-11-25 10:00:00")]
        [InlineData("2026-11-25T11:00:00+01:00")]
        public void HeatTimes_AreUtc(string text)
        {
            var parsed = HeatTime.Parse(text);

            Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), parsed);
            Assert.Equal(DateTimeKind.Utc, parsed.Value.Kind);
        }

        [Fact]
        public void Plain_IsHashtablesAndArrays_NeverJTokens()
        {
            var plain = HeatJson.ToPlain(JToken.Parse("{\"a\": {\"b\": [1, \"x\", true, null, 2.5, 9999999999]}}"));

            var table = Assert.IsType<Hashtable>(plain);
            var inner = Assert.IsType<Hashtable>(table["A"]);
            var list = Assert.IsType<object[]>(inner["b"]);
            Assert.Equal(new object[] { 1, "x", true, null, 2.5, 9999999999L }, list);
        }

        [Fact]
        public void StackLinks_GiveNameAndId()
        {
            Assert.True(HeatLink.TryParseStack("http://h:8004/v1/p/stacks/my%20stack/abc-1/resources/x", out var name, out var id));
            Assert.Equal("my stack", name);
            Assert.Equal("abc-1", id);
            Assert.False(HeatLink.TryParseStack("not a url", out _, out _));
        }
    }
}
