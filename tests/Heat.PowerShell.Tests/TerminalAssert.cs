using System.Globalization;
using Newtonsoft.Json;
using Xunit.Sdk;

namespace Heat.PowerShell.Tests
{
    /// <summary>
    /// What a terminal must never be sent from outside: a control character (line breaks apart), an escape sequence
    /// (they all start with one), a C1 control, a bidi override or mark, a zero-width or other invisible character.
    /// </summary>
    internal static class TerminalAssert
    {
        /// <summary>Text from everywhere a test gathers it, with ESC, BEL, OSC 8, hidden text, RLO, RLM, ALM, ZWSP, CSI
        /// (C1), NEL, a tab, CR LF and a tag character; it ends as a failed status does, so views colour it.</summary>
        public const string Hostile = "x\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil.test/\u001b\\link\u001b]8;;\u001b\\\u001b[8mhidden\u001b[0m" +
                                      "\u202Edesrever\u200F\u061C\u200B\u009B31m\u0085\r\nnext\tline\U000E0041 CREATE_FAILED";

        /// <summary>Fails naming the first character a terminal would obey or hide, and where it is.</summary>
        public static void Clean(string shown, string what)
        {
            if (shown == null) return;
            for (int i = 0; i < shown.Length; i++)
            {
                var c = shown[i];
                if (c == '\n' || c == '\r') continue;
                var category = CharUnicodeInfo.GetUnicodeCategory(shown, i);
                bool bad = category == UnicodeCategory.Control || category == UnicodeCategory.Format || category == UnicodeCategory.LineSeparator ||
                           category == UnicodeCategory.ParagraphSeparator || category == UnicodeCategory.Surrogate;
                if (bad)
                {
                    throw new XunitException($"{what} holds U+{char.ConvertToUtf32(shown, i):X4} at {i}: {JsonConvert.ToString(shown)}");
                }
                if (char.IsHighSurrogate(c)) i++;
            }
        }
    }
}
