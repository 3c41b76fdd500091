using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>Where a token came from in its file (1-based), kept as a JToken annotation.</summary>
    internal sealed class SourcePosition
    {
        public SourcePosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }

        public static SourcePosition? Of(JToken token)
        {
            if (token == null)
            {
                return null;
            }
            var annotated = token.Annotation<SourcePosition>();
            if (annotated != null)
            {
                return annotated;
            }
            var info = (Newtonsoft.Json.IJsonLineInfo)token;
            return info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : null;
        }
    }
}
