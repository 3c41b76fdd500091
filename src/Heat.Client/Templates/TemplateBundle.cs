using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>Where a template comes from, as the user named it.</summary>
    public sealed class TemplateRequest
    {
        /// <summary>A local file; relative references inside it are resolved against its folder.</summary>
        public string TemplatePath { get; set; }

        /// <summary>The template's text itself; relative references resolve against <see cref="BaseDirectory"/>.</summary>
        public string TemplateText { get; set; }

        /// <summary>An http(s) or file URL of the template.</summary>
        public string TemplateUrl { get; set; }

        /// <summary>Environment files, merged in order (later wins).</summary>
        public IList<string> EnvironmentPaths { get; set; } = new List<string>();

        /// <summary>The folder that relative paths in <see cref="TemplateText"/> are read from (the current location).</summary>
        public string BaseDirectory { get; set; }
    }

    /// <summary>What Heat receives for a template: body, files map and environment.</summary>
    public sealed class TemplateBundle
    {
        /// <summary>The template, parsed (a JSON object), ready to be sent as the <c>template</c> field.</summary>
        public JToken Template { get; set; }

        /// <summary>Set instead of <see cref="Template"/> when Heat should fetch the template itself.</summary>
        public string TemplateUrl { get; set; }

        /// <summary>Heat's <c>files</c> map: absolute URL of each referenced file to its content.</summary>
        public IDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The merged environment, or null when none was given.</summary>
        public JObject Environment { get; set; }
    }
}
