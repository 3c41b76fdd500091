using System.Collections.Generic;

namespace Heat.Client.SoftwareDeployments
{
    /// <summary>
    /// What to change on a deployment; what is null is left as it is. Heat also skips an empty map or text (it keeps only
    /// values that are set), so values cannot be cleared this way. <see cref="OutputValues"/> replaces the outputs as a whole.
    /// </summary>
    public sealed class UpdateSoftwareDeploymentRequest
    {
        public string? ConfigId { get; set; }

        public IDictionary<string, object>? InputValues { get; set; }

        public IDictionary<string, object>? OutputValues { get; set; }

        public string? Action { get; set; }

        public string? Status { get; set; }

        public string? StatusReason { get; set; }

        /// <summary>Whether anything is to change.</summary>
        public bool IsEmpty =>
            ConfigId == null && InputValues == null && OutputValues == null && Action == null && Status == null && StatusReason == null;
    }
}
