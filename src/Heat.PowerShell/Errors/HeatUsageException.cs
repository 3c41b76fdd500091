using System.Management.Automation;

namespace Heat.PowerShell.Errors
{
    /// <summary>
    /// A cmdlet called in a way that cannot work, found before anything is sent (two switches that contradict, no stack
    /// named, no session). Its error id is its own, and like every other it is a row of <see cref="ErrorCatalog"/>: the
    /// one table says which ids there are and of what category.
    /// </summary>
    public sealed class HeatUsageException : PSArgumentException
    {
        public HeatUsageException(string errorId, string message, string parameter = null) : base(message, parameter)
        {
            ErrorId = errorId;
        }

        /// <summary>The error id the record takes (a row of the table).</summary>
        public string ErrorId { get; }
    }
}
