namespace Heat.Client.Errors
{
    /// <summary>The cloud's catalog has no Heat endpoint for the requested interface and region, or one that is not an http(s) URL.</summary>
    public sealed class HeatEndpointNotFoundException : HeatException
    {
        public HeatEndpointNotFoundException(string message) : base(message) { }

        /// <summary>The catalog has no endpoint of the service for the interface and region asked.</summary>
        public HeatEndpointNotFoundException(string message, string serviceType, string endpointInterface, string? region) : base(message)
        {
            ServiceType = serviceType;
            Interface = endpointInterface;
            Region = region;
        }

        /// <summary>The service looked for in the catalog ("orchestration"); null when the endpoint was found but unusable.</summary>
        public string? ServiceType { get; }

        /// <summary>The interface asked for (public, internal, admin).</summary>
        public string? Interface { get; }

        /// <summary>The region asked for; null for any.</summary>
        public string? Region { get; }
    }
}
