using System;

namespace Heat.Client.Templates
{
    /// <summary>A template or environment that cannot be used, found before anything is sent to Heat.</summary>
    public class TemplateException : Exception
    {
        public TemplateException(string message, string filePath = null, int? line = null, int? column = null, Exception inner = null)
            : base(message, inner)
        {
            FilePath = filePath;
            Line = line;
            Column = column;
        }

        public string FilePath { get; }

        public int? Line { get; }

        public int? Column { get; }
    }
}
