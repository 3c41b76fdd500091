using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Heat.Client.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Insight
{
    /// <summary>The paths at which two JSON values differ, each with its two sides (absent: null).</summary>
    internal static class JsonDiff
    {
        private const int MaxDepth = 64;

        public static List<(string Path, JToken? Before, JToken? After)> Compare(JToken? before, JToken? after, string path)
        {
            var differences = new List<(string, JToken?, JToken?)>();
            Walk(before, after, path, differences, 0);
            return differences;
        }

        [return: NotNullIfNotNull("token")]
        public static string? Text(JToken? token)
        {
            if (token == null) return null;
            return token.AsText() ?? token.ToString(Formatting.None);
        }

        private static void Walk(JToken? before, JToken? after, string path, List<(string, JToken?, JToken?)> differences, int depth)
        {
            if (JToken.DeepEquals(before, after)) return;
            if (depth < MaxDepth && before is JObject a && after is JObject b)
            {
                foreach (var key in a.Properties().Select(p => p.Name).Union(b.Properties().Select(p => p.Name)))
                {
                    Walk(a[key], b[key], Join(path, key), differences, depth + 1);
                }
                return;
            }
            if (depth < MaxDepth && before is JArray x && after is JArray y && x.Count == y.Count)
            {
                for (int i = 0; i < x.Count; i++) Walk(x[i], y[i], $"{path}[{i}]", differences, depth + 1);
                return;
            }
            differences.Add((path, before, after));
        }

        private static string Join(string path, string key) => Strings.IsNullOrEmpty(path) ? key : path + "." + key;
    }
}
