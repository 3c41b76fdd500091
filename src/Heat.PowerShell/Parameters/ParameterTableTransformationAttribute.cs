using System;
using System.Collections;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heat.PowerShell.Parameters
{
    /// <summary>
    /// Lets -Parameter take what a CSV cell or a config line can hold, not only a hashtable: a JSON object
    /// (<c>{"count": 2, "zones": ["a", "b"]}</c>) or <c>name=value;name=value</c>. Without it a string did not bind to
    /// [hashtable], PowerShell skipped the property of a piped CSV row without a word, and the stack was made with the
    /// template's defaults. Any other text is a binding error naming the forms it takes; a blank cell is no parameters.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ParameterTableTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            text = text.Trim();
            if (text.Length == 0) return null;
            return text.StartsWith("{", StringComparison.Ordinal) ? FromJson(text) : FromPairs(text);
        }

        private static Hashtable FromJson(string text)
        {
            JObject json;
            try
            {
                json = JObject.Parse(text);
            }
            catch (JsonException e)
            {
                throw Refused($"'{Shorten(text)}' starts like a JSON object but is not one ({e.Message})");
            }
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var property in json.Properties()) table[property.Name] = Plain(property.Value);
            return table;
        }

        private static object Plain(JToken token)
        {
            switch (token)
            {
                case JObject map:
                    var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in map.Properties()) table[property.Name] = Plain(property.Value);
                    return table;
                case JArray list:
                    var items = new object[list.Count];
                    for (int i = 0; i < items.Length; i++) items[i] = Plain(list[i]);
                    return items;
                case JValue scalar:
                    return scalar.Value;
                default:
                    return token.ToString();
            }
        }

        private static Hashtable FromPairs(string text)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in text.Split(';'))
            {
                if (pair.Trim().Length == 0) continue;
                var equals = pair.IndexOf('=');
                var name = equals > 0 ? pair.Substring(0, equals).Trim() : string.Empty;
                if (name.Length == 0) throw Refused($"'{Shorten(pair.Trim())}' is not name=value");
                if (table.ContainsKey(name)) throw Refused($"'{name}' is given twice");
                table[name] = pair.Substring(equals + 1).Trim();
            }
            return table;
        }

        private static ArgumentTransformationMetadataException Refused(string problem) =>
            new ArgumentTransformationMetadataException(
                $"-Parameter takes a hashtable, a JSON object ({{\"count\": 2}}) or name=value;name=value text: {problem}.");

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
    }
}
