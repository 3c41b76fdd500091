using System.Linq;
using Heat.Client.Insight;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Heat.Client.Tests.Insight
{
    public class JsonDiffTests
    {
        [Fact]
        public void NamesEachChangedLeaf_WithBothSides()
        {
            var before = JObject.Parse("{\"type\": \"T\", \"properties\": {\"size\": 1, \"tags\": [\"a\", \"b\"], \"gone\": true}}");
            var after = JObject.Parse("{\"type\": \"T\", \"properties\": {\"size\": 2, \"tags\": [\"a\", \"c\"], \"new\": {\"x\": 1}}}");

            var rows = JsonDiff.Compare(before, after, "").Select(d => $"{d.Path}: {JsonDiff.Text(d.Before)} -> {JsonDiff.Text(d.After)}").ToList();

            Assert.Equal(new[]
            {
                "properties.size: 1 -> 2",
                "properties.tags[1]: b -> c",
                "properties.gone: true -> ",
                "properties.new:  -> {\"x\":1}",
            }, rows);
        }

        [Fact]
        public void ListsOfAnotherLength_AreOneChange()
        {
            var rows = JsonDiff.Compare(JArray.Parse("[1, 2]"), JArray.Parse("[1, 2, 3]"), "depends_on");

            Assert.Equal("depends_on", Assert.Single(rows).Path);
        }

        [Fact]
        public void EqualValues_HaveNoDifference()
        {
            Assert.Empty(JsonDiff.Compare(JObject.Parse("{\"a\": [1, {\"b\": 2}]}"), JObject.Parse("{\"a\": [1, {\"b\": 2}]}"), ""));
        }
    }
}
