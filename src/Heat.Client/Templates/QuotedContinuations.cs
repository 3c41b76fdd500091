using System;
using System.Collections.Generic;
using System.Text;
using YamlDotNet.Core;

namespace Heat.Client.Templates
{
    /// <summary>
    /// Lets YamlDotNet read a double-quoted scalar whose continuation lines are not indented past the block that holds
    /// it, as Heat's PyYAML (SafeLoader and CSafeLoader alike) does: PyYAML checks no indentation inside a quoted scalar,
    /// only that no line of it starts with a document marker. YamlDotNet refuses such a line, and has no setting to allow
    /// it. Its own scanner finds the scalar: on that error, the scalar's continuation lines are indented past the opening
    /// quote and the text is read again. Leading blanks of a continuation line are no part of a quoted scalar's value (both
    /// libraries drop them), and lines are only widened, never added, so values and line numbers stay as PyYAML gives them.
    /// A column on a widened line (after the closing quote) is shifted right by the spaces added there.
    /// </summary>
    /// <remarks>
    /// Each retry reads the text again as far as the next such scalar, so the work is bounded: past
    /// <see cref="Budget"/> characters read and copied in all, the error stands. Single-quoted scalars need nothing:
    /// YamlDotNet does not check their indentation.
    /// </remarks>
    internal static class QuotedContinuations
    {
        private const string WrongIndentation = "While scanning a multi-line double-quoted scalar, found wrong indentation.";

        /// <summary>Characters read or copied again, over all retries of one text, before the error is reported as it is.</summary>
        private const long Budget = 64L * TemplateLimits.MaxTemplateBytes;

        /// <summary><paramref name="read"/> of the text, read again with wider continuation lines while YamlDotNet refuses them.</summary>
        public static T Read<T>(string text, Func<string, T> read)
        {
            var widths = new Dictionary<long, int>(); // opening quote's index: leading blanks its continuation lines got
            long spent = 0;
            while (true)
            {
                try
                {
                    return read(text);
                }
                catch (SyntaxErrorException ex) when (Widen(ref text, ex, widths, ref spent))
                {
                }
            }
        }

        private static bool Widen(ref string text, SyntaxErrorException ex, Dictionary<long, int> widths, ref long spent)
        {
            spent += ex.End.Index + text.Length;
            var quote = ex.Start.Index;
            if (!ex.Message.EndsWith(WrongIndentation, StringComparison.Ordinal) || spent > Budget ||
                quote < 0 || quote >= text.Length || text[(int)quote] != '"')
            {
                return false;
            }
            // Past the quote's column is past the block that holds the scalar. In a flow collection that began left of the
            // block's indentation that is not yet enough: the same scalar fails again and its lines go twice as far.
            var width = widths.TryGetValue(quote, out var before) ? 2 * before : (int)ex.Start.Column;
            if (width > text.Length)
            {
                return false;
            }
            widths[quote] = width;
            text = Widen(text, (int)quote, width);
            return true;
        }

        /// <summary>
        /// The text with each continuation line of the double-quoted scalar opening at <paramref name="quote"/> starting
        /// with at least <paramref name="width"/> blanks; blank lines and document markers (an error in both libraries) kept.
        /// </summary>
        private static string Widen(string text, int quote, int width)
        {
            var result = new StringBuilder(text.Length + 4 * width);
            var copied = 0;
            var i = quote + 1;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\')
                {
                    // An escape pair, whose second half cannot close the scalar; an escaped line break is a line break.
                    i += i + 1 < text.Length && !IsBreak(text[i + 1]) ? 2 : 1;
                    continue;
                }
                if (!IsBreak(text[i]))
                {
                    i++;
                    continue;
                }
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                var blanks = 0;
                while (i + blanks < text.Length && (text[i + blanks] == ' ' || text[i + blanks] == '\t'))
                {
                    blanks++;
                }
                if (blanks < width && i + blanks < text.Length && !IsBreak(text[i + blanks]) && !IsDocumentMarker(text, i))
                {
                    result.Append(text, copied, i - copied).Append(' ', width - blanks);
                    copied = i;
                }
                i += blanks;
            }
            return result.Append(text, copied, text.Length - copied).ToString();
        }

        private static bool IsBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        private static bool IsDocumentMarker(string text, int at) =>
            at + 3 <= text.Length && (string.CompareOrdinal(text, at, "---", 0, 3) == 0 || string.CompareOrdinal(text, at, "...", 0, 3) == 0) &&
            (at + 3 == text.Length || text[at + 3] == ' ' || text[at + 3] == '\t' || IsBreak(text[at + 3]));
    }
}
