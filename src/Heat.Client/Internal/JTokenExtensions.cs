using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    /// <summary>Reading a property of a JSON value that may not have the shape it should.</summary>
    internal static class JTokenExtensions
    {
        // A property read on a value that is not an object (a template's "p:" with nothing after it) is "absent",
        // not Json.NET's InvalidOperationException: templates and responses are not trusted to have the right shape.
        private static JToken? Property(JToken? token, string name) => token is JObject obj ? obj[name] : null;

        public static string? Str(this JToken? token, string name)
        {
            var value = Property(token, name);
            if (value == null || value.Type == JTokenType.Null) return null;
            return value.Type == JTokenType.String ? (string?)value : value.ToString(Formatting.None);
        }

        /// <summary>The text of a JSON string; null for anything else (absent, null, a number, a list, a map).</summary>
        public static string? AsText(this JToken? token) => token != null && token.Type == JTokenType.String ? (string?)token : null;
    }
}
