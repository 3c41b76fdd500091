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

        /// <summary>A model from a JSON object by its [JsonProperty] names; a value of the wrong shape throws JsonException.</summary>
        public static T ToModel<T>(JObject json) where T : class => json.ToObject<T>(ModelSerializer) ?? throw NoObject();

        /// <summary>The model of the object the reader is at.</summary>
        public static T ReadModel<T>(JsonReader reader) where T : class => ModelSerializer.Deserialize<T>(reader) ?? throw NoObject();

        // Json.NET gives null only for a JSON null, which callers have already told from an object.
        private static JsonSerializationException NoObject() => new JsonSerializationException("an object was expected, not null");

        /// <summary>
        /// Turns JSON into what PowerShell users handle: case-insensitive Hashtables, object[] and plain values.
        /// Users never see a JToken.
        /// </summary>
        public static object? ToPlain(JToken? token)
        {
            if (token == null) return null;
            switch (token.Type)
            {
                case JTokenType.Object:
                    return ToHashtable((JObject)token);
                case JTokenType.Array:
                    var array = (JArray)token;
                    var items = new object?[array.Count];
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

        /// <summary>An object as a case-insensitive Hashtable of plain values (<see cref="ToPlain"/>).</summary>
        public static Hashtable ToHashtable(JObject json)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var property in json)
            {
                table[property.Key] = ToPlain(property.Value);
            }
            return table;
        }

        /// <summary>A JSON object as a Hashtable (<see cref="ToHashtable(JObject)"/>); anything else is null.</summary>
        public static Hashtable? ToHashtable(JToken? token) => token is JObject json ? ToHashtable(json) : null;
    }
}
