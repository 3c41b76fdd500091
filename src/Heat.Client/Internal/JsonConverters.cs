using System;
using System.Collections;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    // Converters for model properties whose JSON Heat writes in more than one way. Models name them with
    // [JsonConverter]; everything else maps by [JsonProperty] alone.

    /// <summary>Heat's times ("2024-01-02T03:04:05", with "Z", fractions or an offset) as UTC DateTime; unreadable text is null.</summary>
    internal sealed class HeatTimeConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(DateTime?) || objectType == typeof(DateTime);

        public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            if (token.Type == JTokenType.Null) return null;
            if (token.Type != JTokenType.String && token.Type != JTokenType.Date) throw new JsonSerializationException($"a time was expected, not {token.Type}");
            return HeatTime.Parse(token.Type == JTokenType.Date ? ((DateTime)token).ToString("o") : (string)token);
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) => throw new NotSupportedException();
    }

    /// <summary>Any JSON as what PowerShell users handle: Hashtable, object[] or a plain value. Users never see a JToken.</summary>
    internal sealed class PlainConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => true;

        public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer)
        {
            var plain = HeatJson.ToPlain(JToken.Load(reader));
            if (plain == null || objectType.IsInstanceOfType(plain)) return plain;
            throw new JsonSerializationException($"a {Describe(objectType)} was expected, not a {Describe(plain.GetType())}");
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) => throw new NotSupportedException();

        private static string Describe(Type type) => type == typeof(Hashtable) ? "mapping" : type == typeof(object[]) ? "list" : "value";
    }

    /// <summary>A list of strings that Heat has also sent as one comma-separated string (tags in some versions).</summary>
    internal sealed class StringListConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(string[]);

        public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            switch (token.Type)
            {
                case JTokenType.Null:
                    return new string[0];
                case JTokenType.String:
                    var text = (string)token;
                    return string.IsNullOrEmpty(text) ? new string[0] : text.Split(',');
                case JTokenType.Array:
                    var list = new List<string>();
                    foreach (var item in (JArray)token) list.Add(item.Type == JTokenType.String ? (string)item : item.ToString(Formatting.None));
                    return list.ToArray();
                default:
                    throw new JsonSerializationException($"a list of strings was expected, not {token.Type}");
            }
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) => throw new NotSupportedException();
    }
}
