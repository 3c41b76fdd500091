using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Heat.Client.Internal;

namespace Heat.Client
{
    /// <summary>
    /// Text from outside (Heat's reasons, names and descriptions, a template, a clouds.yaml) made fit for a terminal,
    /// the one rule for every place the module shows such text: views, messages, errors, progress, verbose and warnings.
    /// A terminal obeys what it is sent: ESC]0;...BEL sets the window title, ESC[2J clears the screen, ESC[8m hides text,
    /// OSC 8 makes a link, and U+202E (RLO) or an invisible mark makes text read other than it is. So every control
    /// character shows as its picture (ESC as ␛, BEL as ␇: inert, and visibly there), and every other character that is
    /// invisible or turns the direction of text (C1 controls, bidi marks and overrides, zero-width characters, tag
    /// characters, a lone surrogate) as U+FFFD. Nothing is dropped, so a name never becomes another name, and text that
    /// was not empty never becomes empty. Objects keep Heat's data as it came: only what is shown goes through here.
    /// </summary>
    public static class TerminalText
    {
        /// <summary>What an invisible or direction-changing character shows as.</summary>
        public const char Replacement = '\uFFFD';

        /// <summary>One line: line breaks and tabs become spaces, the rest as <see cref="Text"/>.</summary>
        [return: NotNullIfNotNull("text")]
        public static string? Line(string? text) => Clean(text, keepLineBreaks: false);

        /// <summary>Text that may span lines: line breaks stay (CR LF and U+2028/U+2029 become LF), tabs become spaces.</summary>
        [return: NotNullIfNotNull("text")]
        public static string? Text(string? text) => Clean(text, keepLineBreaks: true);

        /// <summary>
        /// A time as every view shows one: <c>2026-11-25 10:00:01Z</c>, in UTC and marked so. Heat's times are UTC; a
        /// time whose kind is not said is taken as UTC too, a local one is converted.
        /// </summary>
        public static string? Time(System.DateTime? time)
        {
            if (time == null) return null;
            var value = time.Value.Kind == System.DateTimeKind.Local ? time.Value.ToUniversalTime() : time.Value;
            return value.ToString("yyyy'-'MM'-'dd HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        }

        /// <summary>Whether <see cref="Text"/> would leave <paramref name="text"/> as it is.</summary>
        public static bool IsClean(string? text) => text == null || string.Equals(text, Text(text), System.StringComparison.Ordinal);

        [return: NotNullIfNotNull("text")]
        private static string? Clean(string? text, bool keepLineBreaks)
        {
            if (Strings.IsNullOrEmpty(text)) return text;
            StringBuilder? builder = null;
            for (int i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= ' ' && c < '\u007F')
                {
                    builder?.Append(c);
                    continue;
                }
                if (!NeedsCleaning(text, i, keepLineBreaks, out int length))
                {
                    builder?.Append(text, i, length);
                    i += length - 1;
                    continue;
                }
                builder = builder ?? new StringBuilder(text.Length + 16).Append(text, 0, i);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
                builder.Append(Shown(c, keepLineBreaks));
                i += length - 1;
            }
            return builder?.ToString() ?? text;
        }

        /// <summary>Whether the character at <paramref name="index"/> (a surrogate pair counts as one, of <paramref name="length"/> 2) must not reach a terminal as it is.</summary>
        private static bool NeedsCleaning(string text, int index, bool keepLineBreaks, out int length)
        {
            var c = text[index];
            length = 1;
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                length = 2;
                // Outside the BMP: the tag characters (U+E0000..U+E007F) are format characters that smuggle invisible text.
                return CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.Format;
            }
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                    return !(c == '\n' && keepLineBreaks);
                default:
                    return false;
            }
        }

        private static string Shown(char c, bool keepLineBreaks)
        {
            switch (c)
            {
                case '\n':
                case '\r':
                case '\u2028':
                case '\u2029':
                case '\u0085':
                    return keepLineBreaks ? "\n" : " ";
                case '\t':
                    return " ";
                case '\u007F':
                    return "\u2421";
            }
            if (c < ' ') return ((char)(0x2400 + c)).ToString();
            return Replacement.ToString();
        }
    }
}
