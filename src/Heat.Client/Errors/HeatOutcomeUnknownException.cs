using System;

namespace Heat.Client.Errors
{
    /// <summary>
    /// A create, update or delete got no clear answer (the connection broke after sending, a gateway error, a timeout)
    /// and was not sent again. The module looked the stack up afterwards: <see cref="Found"/> is what Heat showed then
    /// (null when Heat had no such stack or could not be asked).
    /// </summary>
    public sealed class HeatOutcomeUnknownException : HeatException
    {
        public HeatOutcomeUnknownException(string message, Models.HeatStack? found, Exception inner)
            : base(message, inner)
        {
            Found = found;
        }

        public Models.HeatStack? Found { get; }
    }
}
