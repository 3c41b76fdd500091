namespace Heat.Client.Errors
{
    /// <summary>A stack operation reached a FAILED state (or rolled back) while we waited for it.</summary>
    public sealed class HeatStackFailedException : HeatException
    {
        public HeatStackFailedException(string message, Models.HeatStack stack) : base(message) { Stack = stack; }

        public Models.HeatStack Stack { get; }
    }
}
