using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Internal
{
    /// <summary>Heat and Keystone write times in several ways ("2024-01-02T03:04:05", with "Z", with fractions, with offsets).</summary>
    internal static class HeatTime
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        };

        public static DateTime? Parse(string? text)
        {
            if (Strings.IsNullOrWhiteSpace(text)) return null;
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
}
