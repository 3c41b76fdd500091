using System.Management.Automation;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Wildcards that cannot throw. PowerShell parses a pattern lazily, so <c>x-[a</c> (an unmatched bracket) passes
    /// ContainsWildcardCharacters and the constructor, then throws WildcardPatternException from IsMatch in the middle
    /// of a listing, ending the whole pipeline. Such a text is taken literally instead.
    /// </summary>
    internal static class Wildcards
    {
        /// <summary>Whether <paramref name="text"/> is a usable pattern (has wildcard characters and parses).</summary>
        public static bool IsPattern(string text) => text != null && WildcardPattern.ContainsWildcardCharacters(text) && Parses(text);

        /// <summary>A pattern, case-insensitive unless caseSensitive (Heat's own names are: a cmdlet
        /// that acts on what a pattern matches matches with case); the text literally when it is not a valid pattern.</summary>
        public static WildcardPattern Pattern(string text) => Pattern(text, caseSensitive: false);

        public static WildcardPattern Pattern(string text, bool caseSensitive) =>
            new WildcardPattern(IsPattern(text) ? text : WildcardPattern.Escape(text ?? string.Empty), caseSensitive ? WildcardOptions.None : WildcardOptions.IgnoreCase);

        private static bool Parses(string text)
        {
            try
            {
                new WildcardPattern(text, WildcardOptions.IgnoreCase).IsMatch(string.Empty);
                return true;
            }
            catch (WildcardPatternException)
            {
                return false;
            }
        }
    }
}
