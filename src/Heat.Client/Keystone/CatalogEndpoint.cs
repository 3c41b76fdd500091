namespace Heat.Client.Keystone
{
    /// <summary>One endpoint of one service in Keystone's catalog.</summary>
    public sealed class CatalogEndpoint
    {
        public string? ServiceType { get; set; }

        public string? ServiceName { get; set; }

        public string? Interface { get; set; }

        public string? Region { get; set; }

        public string? Url { get; set; }

        public override string ToString() => $"{ServiceType} {Interface} {Region} {Url}";
    }
}
