using System;
using System.Globalization;

namespace Heat.Client.Internal
{
    /// <summary>A duration as a sentence says it: "1 minute", "90 minutes", "1.5 minutes", "20 seconds".</summary>
    internal static class Durations
    {
        public static string Describe(TimeSpan duration)
        {
            if (duration < TimeSpan.FromMinutes(1)) return Count(duration.TotalSeconds, "second");
            return Count(duration.TotalMinutes, "minute");
        }

        private static string Count(double value, string unit)
        {
            var text = value.ToString("0.#", CultureInfo.InvariantCulture);
            return text == "1" ? $"1 {unit}" : $"{text} {unit}s";
        }
    }
}
