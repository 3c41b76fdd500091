using System;
using System.IO;

namespace Heat.PowerShell.Support
{
    /// <summary>
    /// Heat abandoned a stack but its data could not be written where -AbandonPath said. The data is not lost: it is in
    /// <see cref="RescuedPath"/>, or, when no file could be written at all, in <see cref="AbandonData"/> (kept out of the
    /// message, which transcripts and logs keep: the data holds hidden parameter values).
    /// </summary>
    public sealed class AbandonDataNotSavedException : IOException
    {
        public AbandonDataNotSavedException(string message, string rescuedPath, string abandonData, Exception inner)
            : base(message, inner)
        {
            RescuedPath = rescuedPath;
            AbandonData = abandonData;
        }

        /// <summary>The file that holds the data instead; null when none could be written.</summary>
        public string RescuedPath { get; }

        /// <summary>Heat's answer itself, when no file could hold it; else null.</summary>
        public string AbandonData { get; }
    }
}
