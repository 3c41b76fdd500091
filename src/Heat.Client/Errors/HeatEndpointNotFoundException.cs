namespace Heat.Client.Errors
{
    /// <summary>The cloud's catalog has no Heat endpoint for the requested interface and region.</summary>
    public sealed class HeatEndpointNotFoundException : HeatException
    {
        public HeatEndpointNotFoundException(string message) : base(message) { }
    }
}
