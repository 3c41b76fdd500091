using System;
using System.Collections.Generic;
using System.Linq;

namespace Heat.Client.Analysis
{
    /// <summary>The declared name a misspelt one most likely meant: one edit away (a letter added, dropped, changed, or two
    /// neighbours swapped), or only its case differs.</summary>
    public static class NameSuggestions
    {
        /// <summary>"Did you mean 'x'?" for the first close name, or null when none is close.</summary>
        public static string? DidYouMean(IEnumerable<string> declared, string name)
        {
            var close = Closest(declared, name);
            return close == null ? null : $"Did you mean '{close}'?";
        }

        public static string? Closest(IEnumerable<string> declared, string name) =>
            declared.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase) || OneEditAway(d, name) || Swapped(d, name));

        private static bool Swapped(string a, string b)
        {
            if (a.Length != b.Length) return false;
            int i = 0;
            while (i < a.Length && a[i] == b[i]) i++;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && string.CompareOrdinal(a, i + 2, b, i + 2, a.Length) == 0;
        }

        private static bool OneEditAway(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1) return false;
            int i = 0, j = 0, edits = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { i++; j++; continue; }
                if (++edits > 1) return false;
                if (a.Length > b.Length) i++;
                else if (b.Length > a.Length) j++;
                else { i++; j++; }
            }
            return edits + (a.Length - i) + (b.Length - j) <= 1;
        }
    }
}
