namespace Heat.Client.Models
{
    /// <summary>
    /// One output value of a software deployment, as <c>openstack software deployment output show</c> gives it: Heat keeps
    /// them in the deployment's output_values (no route of their own).
    /// </summary>
    public sealed class HeatSoftwareDeploymentOutput
    {
        public string? OutputName { get; set; }

        public object? OutputValue { get; set; }

        public string? DeploymentId { get; set; }

        public string? ServerId { get; set; }

        public override string ToString() => OutputName ?? string.Empty;
    }
}
