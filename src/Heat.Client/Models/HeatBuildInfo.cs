namespace Heat.Client.Models
{
    /// <summary>The revisions of Heat's API and engine (<c>GET /build_info</c>).</summary>
    public sealed class HeatBuildInfo
    {
        public string? ApiRevision { get; set; }

        public string? EngineRevision { get; set; }

        public override string ToString() => $"api {ApiRevision}, engine {EngineRevision}";
    }
}
