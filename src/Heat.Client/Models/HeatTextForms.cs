using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    // Export-Csv (and any host that has only text) writes a property's ToString(): for an array that is
    // "System.String[]", for a hashtable "System.Collections.Hashtable". These collections stay collections for a
    // pipeline ($stack.Tags -contains 'ci', $stack.Outputs.url, $stack.OutputDetails[0]) and read as their content
    // where text is all there is.

    /// <summary>A list of names (tags, resources a resource is required by); as text, joined with commas as Heat joins tags.</summary>
    public sealed class HeatNameList : ReadOnlyCollection<string>
    {
        public HeatNameList(IEnumerable<string> names)
            : base((names ?? Enumerable.Empty<string>()).ToList())
        {
        }

        /// <summary>Code that has names as an array (and did when this was one) can still assign it.</summary>
        public static implicit operator HeatNameList(string[] names) => new HeatNameList(names);

        public override string ToString() => string.Join(",", this);
    }

    /// <summary>A list of values (links, capabilities); as text, each item's text joined with "; ".</summary>
    public sealed class HeatList<T> : ReadOnlyCollection<T>
    {
        public HeatList(IEnumerable<T> items)
            : base((items ?? Enumerable.Empty<T>()).ToList())
        {
        }

        public override string ToString() => string.Join("; ", this.Select(i => HeatText.Of(i)));
    }

    /// <summary>A stack's outputs with their descriptions; as text, <c>key=value; key=value</c>.</summary>
    public sealed class HeatStackOutputList : ReadOnlyCollection<HeatStackOutput>
    {
        public HeatStackOutputList(IEnumerable<HeatStackOutput> outputs)
            : base((outputs ?? Enumerable.Empty<HeatStackOutput>()).ToList())
        {
        }

        public override string ToString() =>
            string.Join("; ", this.Select(o => $"{o.OutputKey}={(o.OutputError != null ? "(error: " + o.OutputError + ")" : HeatText.Of(o.OutputValue))}"));
    }

    /// <summary>A Heat map (parameters, outputs, attributes); as text, <c>key=value; key=value</c> in key order.</summary>
    public sealed class HeatTable : Hashtable
    {
        public HeatTable()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>A copy of <paramref name="source"/>; null stays null.</summary>
        public static HeatTable From(IDictionary source)
        {
            if (source == null) return null;
            if (source is HeatTable table) return table;
            var copy = new HeatTable();
            foreach (DictionaryEntry entry in source) copy[entry.Key] = entry.Value;
            return copy;
        }

        public override string ToString() =>
            string.Join("; ", Keys.Cast<object>().Select(k => k?.ToString() ?? string.Empty).OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => $"{k}={HeatText.Of(this[k])}"));
    }

    internal static class HeatText
    {
        /// <summary>A value as one line: text as it is, lists and maps as compact JSON, times in ISO 8601 UTC.</summary>
        public static string Of(object value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case DateTime time:
                    return time.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                case HeatLink link:
                    return link.ToString();
                case HeatParameterConstraint constraint:
                    return constraint.ToString();
                case IDictionary _:
                case IEnumerable _:
                    return JsonConvert.SerializeObject(value, Formatting.None);
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString();
            }
        }
    }
}
