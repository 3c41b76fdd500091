using System;
using System.Collections.Generic;

namespace Heat.Client.Analysis.Schemas
{
    /// <summary>What the analyzer knows of one resource type: its properties, attributes and support status.</summary>
    public sealed class ResourceTypeInfo
    {
        public ResourceTypeInfo(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public Dictionary<string, SchemaProperty> Properties { get; } = new Dictionary<string, SchemaProperty>(StringComparer.Ordinal);

        public HashSet<string> Attributes { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>SUPPORTED, DEPRECATED, UNSUPPORTED, HIDDEN or UNKNOWN; null when the schema does not say.</summary>
        public string? SupportStatus { get; set; }

        public string? SupportMessage { get; set; }

        /// <summary>Whether the type takes attributes the schema cannot list: a group's members' (resource.0.name), a
        /// deployment's outputs, a nested stack's outputs. Such a type is not checked for unknown attributes.</summary>
        public bool OpenAttributes => OpenAttributeTypes.Contains(Name);

        private static readonly HashSet<string> OpenAttributeTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "OS::Heat::ResourceGroup", "OS::Heat::AutoScalingGroup", "OS::Heat::SoftwareDeployment", "OS::Heat::SoftwareDeploymentGroup",
            "OS::Heat::SoftwareDeployments", "OS::Heat::StructuredDeployment", "OS::Heat::StructuredDeploymentGroup",
            "OS::Heat::StructuredDeployments", "OS::Heat::Stack", "AWS::CloudFormation::Stack", "AWS::AutoScaling::AutoScalingGroup",
            "OS::Heat::InstanceGroup", "OS::Heat::None", "OS::Heat::TestResource",
        };
    }
}
