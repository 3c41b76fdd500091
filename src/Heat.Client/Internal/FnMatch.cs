using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Heat.Client.Internal
{
    /// <summary>
    /// Python's fnmatch.fnmatchcase, which Heat uses to match resource names against the keys of an environment's
    /// <c>resource_registry.resources</c> (hooks, restricted actions): <c>*</c>, <c>?</c>, <c>[seq]</c>, <c>[!seq]</c>, with
    /// case. Translated as fnmatch.translate translates it, to an anchored regular expression.
    /// </summary>
    internal static class FnMatch
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

        private static readonly char[] Special = { '*', '?', '[' };

        public static bool IsMatch(string name, string pattern)
        {
            if (name == null || pattern == null) return false;
            if (pattern.IndexOfAny(Special) < 0) return string.Equals(name, pattern, StringComparison.Ordinal);
            try
            {
                return Regex.IsMatch(name, Translate(pattern), RegexOptions.CultureInvariant, Limit);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static string Translate(string pattern)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '*') regex.Append(".*");
                else if (c == '?') regex.Append('.');
                else if (c == '[')
                {
                    int j = i + 1;
                    if (j < pattern.Length && pattern[j] == '!') j++;
                    if (j < pattern.Length && pattern[j] == ']') j++;
                    while (j < pattern.Length && pattern[j] != ']') j++;
                    if (j >= pattern.Length)
                    {
                        regex.Append(@"\[");
                        continue;
                    }
                    var set = pattern.Substring(i + 1, j - i - 1).Replace(@"\", @"\\");
                    if (set.StartsWith("!", StringComparison.Ordinal)) set = "^" + set.Substring(1);
                    else if (set.StartsWith("^", StringComparison.Ordinal)) set = @"\" + set;
                    regex.Append('[').Append(set).Append(']');
                    i = j;
                }
                else regex.Append(Regex.Escape(c.ToString()));
            }
            return regex.Append(@"\z").ToString();
        }
    }
}
