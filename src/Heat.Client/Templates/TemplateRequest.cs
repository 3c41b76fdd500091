using System.Collections.Generic;

namespace Heat.Client.Templates
{
    /// <summary>Where a template comes from, as the user named it.</summary>
    public sealed class TemplateRequest
    {
        /// <summary>A local file; relative references inside it are resolved against its folder.</summary>
        public string? TemplatePath { get; set; }

        /// <summary>The template's text itself; relative references resolve against <see cref="BaseDirectory"/>.</summary>
        public string? TemplateText { get; set; }

        /// <summary>An http(s) or file URL of the template.</summary>
        public string? TemplateUrl { get; set; }

        /// <summary>Environment files, merged in order (later wins).</summary>
        public IList<string> EnvironmentPaths { get; set; } = new List<string>();

        /// <summary>The folder that relative paths in <see cref="TemplateText"/> are read from (the current location).</summary>
        public string? BaseDirectory { get; set; }
    }
}
