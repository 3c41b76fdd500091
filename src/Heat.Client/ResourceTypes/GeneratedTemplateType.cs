namespace Heat.Client.ResourceTypes
{
    /// <summary>The format of a template Heat generates for a resource type.</summary>
    public enum GeneratedTemplateType
    {
        /// <summary>HOT (<c>heat_template_version</c>).</summary>
        Hot,

        /// <summary>CloudFormation-compatible (<c>HeatTemplateFormatVersion</c>): Heat's default.</summary>
        Cfn,
    }
}
