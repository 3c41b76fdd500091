using System;
using Xunit;

namespace Heat.Client.Tests
{
    /// <summary>The one rule for text from outside that the module shows, and the one form of a time.</summary>
    public class TerminalTextTests
    {
        [Theory]
        [InlineData("\u001b]0;title\u0007\u001b[2J", "\u241B]0;title\u2407\u241B[2J")] // a title, a cleared screen: visible, inert
        [InlineData("\u001b]8;;http://x/\u001b\\a", "\u241B]8;;http://x/\u241B\\a")] // a hyperlink
        [InlineData("a\u202Eb\u200Fc\u061Cd\u200Be", "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe")] // RLO, RLM, ALM, ZWSP
        [InlineData("a\u009B31mb\u007F", "a\uFFFD31mb\u2421")] // a C1 CSI, DEL
        [InlineData("tag\U000E0041", "tag\uFFFD")] // a tag character (two UTF-16 units) is one mark
        [InlineData("a\r\nb\nc\u2028d\u0085e\tf", "a b c d e f")]
        public void Line_ShowsEveryControlAndInvisibleMark_AsAVisibleCharacter(string text, string shown)
        {
            Assert.Equal(shown, TerminalText.Line(text));
        }

        [Fact]
        public void ALoneSurrogate_IsAMark()
        {
            // Not as InlineData: test discovery cannot carry a lone surrogate through.
            Assert.Equal("lone\uFFFD!", TerminalText.Line("lone\uD800!"));
        }

        [Fact]
        public void Text_KeepsLineBreaks_AsLineFeeds()
        {
            Assert.Equal("a\nb\nc\nd\u241B", TerminalText.Text("a\r\nb\u2028c\nd\u001b"));
        }

        [Theory]
        [InlineData("web-prod.workers.0 CREATE_FAILED: ValueError")]
        [InlineData("Ünïcode, emoji \U0001F600 and CJK 漢字 stay")]
        [InlineData("")]
        [InlineData(null)]
        public void CleanText_IsTheSameString(string text)
        {
            Assert.Same(text, TerminalText.Line(text));
            Assert.True(TerminalText.IsClean(text));
        }

        [Fact]
        public void Time_IsOneForm_InUtc_Marked()
        {
            var utc = new DateTime(2026, 11, 25, 10, 0, 1, DateTimeKind.Utc);

            Assert.Equal("2026-11-25 10:00:01Z", TerminalText.Time(utc));
            Assert.Equal("2026-11-25 10:00:01Z", TerminalText.Time(utc.ToLocalTime()));
            Assert.Equal("2026-11-25 10:00:01Z", TerminalText.Time(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)));
            Assert.Null(TerminalText.Time(null));
        }
    }
}
