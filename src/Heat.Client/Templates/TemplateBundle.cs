using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>What Heat receives for a template: body, files map and environment.</summary>
    public sealed class TemplateBundle
    {
        /// <summary>The template, parsed (a JSON object), ready to be sent as the <c>template</c> field.</summary>
        public JToken? Template { get; set; }

        /// <summary>Set instead of <see cref="Template"/> when Heat should fetch the template itself.</summary>
        public string? TemplateUrl { get; set; }

        /// <summary>Heat's <c>files</c> map: absolute URL of each referenced file to its content.</summary>
        public IDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The merged environment, or null when none was given.</summary>
        public JObject? Environment { get; set; }

        /// <summary>
        /// The absolute URL of each environment file, in the order given; each is also a key of <see cref="Files"/>
        /// (the processed environment as JSON). Send it as <c>environment_files</c>, as heatclient does, so that Heat
        /// merges them again on its side and applies <c>parameter_merge_strategies</c>.
        /// </summary>
        public IList<string> EnvironmentFiles { get; } = new List<string>();

        /// <summary>The absolute URL the top template was read from (file:// or http(s)); null for template text.</summary>
        public string? SourceUrl { get; set; }

        /// <summary>
        /// http(s) references that <see cref="TemplateLoader.CheckLocal"/> did not fetch (no network): the template
        /// holds their absolute URL but <see cref="Files"/> has no content for them. Always empty after LoadAsync.
        /// </summary>
        public IList<string> UncheckedUrls { get; } = new List<string>();
    }
}
