using System;
using System.Collections;
using System.Globalization;
using Newtonsoft.Json;

namespace Heat.Client.Models
{
    /// <summary>How a value reads where only text is shown (Export-Csv, a table cell): one line.</summary>
    internal static class HeatText
    {
        /// <summary>A value as one line: text as it is, lists and maps as compact JSON, times in ISO 8601 UTC.</summary>
        public static string Of(object? value)
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
