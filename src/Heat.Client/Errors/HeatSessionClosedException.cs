namespace Heat.Client.Errors
{
    /// <summary>The session was disconnected (<see cref="HeatSession.Dispose"/>) before or while the request ran.</summary>
    public sealed class HeatSessionClosedException : HeatException
    {
        public HeatSessionClosedException()
            : base("The Heat session was disconnected.") { }
    }
}
