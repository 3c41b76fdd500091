using Heat.Client.Internal;

namespace Heat.Client.SoftwareConfigs
{
    /// <summary>Paging of the software config list (Heat has no filters on it: names are matched by the caller).</summary>
    public sealed class SoftwareConfigListOptions
    {
        [Query("limit")]
        public int PageSize { get; set; } = 100;
    }
}
