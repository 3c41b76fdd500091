using System;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Heat.Client.Models
{
    // Export-Csv (and any host that has only text) writes a property's ToString(): for an array that is
    // "System.String[]", for a hashtable "System.Collections.Hashtable". This collection stays a collection for a
    // pipeline and reads as its content where text is all there is.

    /// <summary>A Heat map (parameters, outputs, attributes); as text, <c>key=value; key=value</c> in key order.</summary>
    public sealed class HeatTable : Hashtable
    {
        public HeatTable()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>A copy of <paramref name="source"/>; null stays null.</summary>
        [return: NotNullIfNotNull("source")]
        public static HeatTable? From(IDictionary? source)
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
}
