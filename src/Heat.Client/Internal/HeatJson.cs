using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    /// <summary>JSON parsing and conversions shared by every call.</summary>
    internal static class HeatJson
    {
        /// <summary>Deeper than this, a response is refused: everything that walks a JSON tree here recurses.</summary>
        public const int MaxDepth = 256;

        /// <summary>
        /// Values in one parsed document (<see cref="BoundedJsonReader"/>). Real JSON spends 20 bytes or more on a value,
        /// so a body under the 32 MiB cap holds fewer; 32 MiB of <c>{}</c> would be 11 million objects (several GB), and a
        /// tree of this many peaked at under 600 MiB. Heat's largest answers (an export, abandon data, the resources of a
        /// big nested stack) hold a fraction of it.
        /// </summary>
        public const int MaxValues = 2000000;

        /// <summary>Parses without Json.NET's date guessing: Heat's times carry no zone; HeatTime reads them.
        /// One document only: text after it is an error, not ignored. At most <see cref="MaxValues"/> values.</summary>
        public static JToken Parse(string text)
        {
            using (var reader = new BoundedJsonReader(new StringReader(text)))
            {
                var token = JToken.ReadFrom(reader);
                if (reader.Read())
                {
                    throw new JsonReaderException($"Extra text after the JSON document at line {reader.LineNumber}, position {reader.LinePosition}.");
                }
                return token;
            }
        }

        public static string Serialize(JToken token) => token.ToString(Formatting.None);

        private static readonly JsonSerializer ModelSerializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = MaxDepth,
            MissingMemberHandling = MissingMemberHandling.Ignore,
        });

        /// <summary>A model from JSON by its [JsonProperty] names; a value of the wrong shape throws JsonException.</summary>
        public static T ToModel<T>(JToken token) => token.ToObject<T>(ModelSerializer);

        public static T ReadModel<T>(JsonReader reader) => ModelSerializer.Deserialize<T>(reader);

        /// <summary>
        /// Turns JSON into what PowerShell users handle: case-insensitive Hashtables, object[] and plain values.
        /// Users never see a JToken.
        /// </summary>
        public static object ToPlain(JToken token)
        {
            if (token == null) return null;
            switch (token.Type)
            {
                case JTokenType.Object:
                    var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in (JObject)token)
                    {
                        table[property.Key] = ToPlain(property.Value);
                    }
                    return table;
                case JTokenType.Array:
                    var array = (JArray)token;
                    var items = new object[array.Count];
                    for (int i = 0; i < items.Length; i++) items[i] = ToPlain(array[i]);
                    return items;
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Integer:
                    var value = ((JValue)token).Value;
                    if (value is long l && l >= int.MinValue && l <= int.MaxValue) return (int)l;
                    return value;
                default:
                    return ((JValue)token).Value;
            }
        }

        public static Hashtable ToHashtable(JToken token) => ToPlain(token) as Hashtable;
    }

    /// <summary>Heat and Keystone write times in several ways ("2024-01-02T03:04:05", with "Z", with fractions, with offsets).</summary>
    internal static class HeatTime
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        };

        public static DateTime? Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset))
            {
                return offset.UtcDateTime;
            }
            return null;
        }

        public static DateTime? Get(JToken owner, string name) => Parse(owner.Str(name));
    }

    internal static class JTokenExtensions
    {
        // A property read on a value that is not an object (a template's "p:" with nothing after it) is "absent",
        // not Json.NET's InvalidOperationException: templates and responses are not trusted to have the right shape.
        private static JToken Property(JToken token, string name) => token is JObject obj ? obj[name] : null;

        public static string Str(this JToken token, string name)
        {
            var value = Property(token, name);
            if (value == null || value.Type == JTokenType.Null) return null;
            return value.Type == JTokenType.String ? (string)value : value.ToString(Formatting.None);
        }

        public static bool? Bool(this JToken token, string name)
        {
            var value = Property(token, name);
            if (value == null || value.Type == JTokenType.Null) return null;
            if (value.Type == JTokenType.Boolean) return (bool)value;
            return bool.TryParse((string)value, out var b) ? b : (bool?)null;
        }

        public static int? Int(this JToken token, string name)
        {
            var value = Property(token, name);
            if (value == null || value.Type == JTokenType.Null) return null;
            if (value.Type == JTokenType.Integer) return (int)value;
            return int.TryParse((string)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : (int?)null;
        }

        public static string[] Strings(this JToken token, string name)
        {
            var value = Property(token, name);
            if (value == null || value.Type == JTokenType.Null) return new string[0];
            if (value is JArray array)
            {
                var list = new List<string>();
                foreach (var item in array) list.Add(item.Type == JTokenType.String ? (string)item : item.ToString(Formatting.None));
                return list.ToArray();
            }
            // Heat has sent tags as one comma-separated string in some versions.
            var text = (string)value;
            return string.IsNullOrEmpty(text) ? new string[0] : text.Split(',');
        }
    }
}
