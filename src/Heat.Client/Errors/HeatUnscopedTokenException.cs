namespace Heat.Client.Errors
{
    /// <summary>Keystone authenticated the user but gave a token scoped to no project, which has no service catalog.</summary>
    public sealed class HeatUnscopedTokenException : HeatException
    {
        public HeatUnscopedTokenException(string message) : base(message) { }
    }
}
