using Heat.Client.Internal;

namespace Heat.Client.SoftwareDeployments
{
    /// <summary>The filter Heat's deployment list takes (it has no paging).</summary>
    public sealed class SoftwareDeploymentListOptions
    {
        /// <summary>Only the deployments to this server.</summary>
        [Query("server_id")]
        public string? ServerId { get; set; }
    }
}
