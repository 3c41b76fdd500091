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

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            if (token.Type == JTokenType.Null) return null;
            if (token.Type != JTokenType.String && token.Type != JTokenType.Date) throw new JsonSerializationException($"a time was expected, not {token.Type}");
            return HeatTime.Parse(token.Type == JTokenType.Date ? ((DateTime)token).ToString("o") : token.AsText());
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }

    /// <summary>Any JSON as what PowerShell users handle: Hashtable, object[] or a plain value. Users never see a JToken.</summary>
    internal sealed class PlainConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => true;

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var plain = HeatJson.ToPlain(JToken.Load(reader));
            if (plain == null || objectType.IsInstanceOfType(plain)) return plain;
            throw new JsonSerializationException($"a {Describe(objectType)} was expected, not a {Describe(plain.GetType())}");
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();

        private static string Describe(Type type) => type == typeof(Hashtable) ? "mapping" : type == typeof(object[]) ? "list" : "value";
    }

    /// <summary>A list of strings that Heat has also sent as one comma-separated string (tags in some versions).</summary>
    internal sealed class StringListConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(string[]);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            switch (token.Type)
            {
                case JTokenType.Null:
                    return Array.Empty<string>();
                case JTokenType.String:
                    var text = token.AsText();
                    return Strings.IsNullOrEmpty(text) ? Array.Empty<string>() : text.Split(',');
                case JTokenType.Array:
                    var list = new List<string>();
                    foreach (var item in (JArray)token) list.Add(item.AsText() ?? item.ToString(Formatting.None));
                    return list.ToArray();
                default:
                    throw new JsonSerializationException($"a list of strings was expected, not {token.Type}");
            }
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }

    /// <summary>A schema entry whose name is the key Heat files it under.</summary>
    internal interface INamedSchema
    {
        string? Name { get; set; }
    }

    /// <summary>
    /// Heat's schemas are maps of name → schema ({"length": {...}}); users want a list they can filter and sort, each
    /// entry knowing its name, in Heat's order. Null or absent is an empty list; anything but a map of maps is an error.
    /// </summary>
    internal sealed class NamedSchemaConverter<T> : JsonConverter where T : class, INamedSchema
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(T[]);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            if (token.Type == JTokenType.Null) return Array.Empty<T>();
            if (!(token is JObject map)) throw new JsonSerializationException($"a map of schemas was expected, not {token.Type}");
            var entries = new List<T>();
            foreach (var property in map)
            {
                if (!(property.Value is JObject schema)) throw new JsonSerializationException($"the schema of \"{property.Key}\" is {property.Value?.Type}, not an object");
                var entry = schema.ToObject<T>(serializer) ?? throw new JsonSerializationException($"the schema of \"{property.Key}\" read as null");
                entry.Name = property.Key;
                entries.Add(entry);
            }
            return entries.ToArray();
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }

    /// <summary>A list of maps (a property's constraints) as Hashtables; null is an empty list, any other item an error.</summary>
    internal sealed class MapListConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(Hashtable[]);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            if (token.Type == JTokenType.Null) return Array.Empty<Hashtable>();
            if (!(token is JArray list)) throw new JsonSerializationException($"a list of maps was expected, not {token.Type}");
            var maps = new List<Hashtable>();
            foreach (var item in list)
            {
                if (!(item is JObject map)) throw new JsonSerializationException($"a list of maps was expected, and it holds {item.Type}");
                maps.Add(HeatJson.ToHashtable(map));
            }
            return maps.ToArray();
        }

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }
}
