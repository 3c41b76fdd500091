using System;

namespace Heat.Client.Fleet
{
    /// <summary>A stack set definition file that cannot be used: where (file, line, column) and what.</summary>
    public sealed class StackSetException : Exception
    {
        public StackSetException(string file, int? line, int? column, string detail, Exception? inner = null)
            : base(file + (line is int l ? $" (line {l}, column {column})" : string.Empty) + ": " + detail, inner)
        {
            File = file;
            Line = line;
            Column = column;
            Detail = detail;
        }

        public string File { get; }

        public int? Line { get; }

        public int? Column { get; }

        public string Detail { get; }
    }
}
