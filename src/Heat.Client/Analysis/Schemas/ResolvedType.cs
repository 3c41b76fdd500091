using Newtonsoft.Json.Linq;

namespace Heat.Client.Analysis.Schemas
{
    /// <summary>What a resource's type turns out to be once the environment's resource_registry and the loader have
    /// had their say: a type the cloud provides, or a child template (its parameters are the properties it takes, its
    /// outputs the attributes it gives).</summary>
    public sealed class ResolvedType
    {
        public ResolvedType(string name, JObject? child)
        {
            Name = name;
            Child = child;
        }

        /// <summary>The type name after the registry (a child's absolute URL for a template resource).</summary>
        public string Name { get; }

        /// <summary>The child template, parsed, when the type is a template the loader read; otherwise null.</summary>
        public JObject? Child { get; }

        /// <summary>A template resource the loader could not read (an http(s) child in an offline run).</summary>
        public bool IsUnreadTemplate => Child == null && (Name.Contains("/") || TemplateSuffix(Name));

        internal static bool TemplateSuffix(string name) =>
            name.EndsWith(".yaml", System.StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", System.StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".template", System.StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
    }
}
