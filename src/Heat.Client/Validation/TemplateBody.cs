using System;
using System.Linq;
using Heat.Client.Templates;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Validation
{
    /// <summary>The template part of a create, update, preview or validate body: template or URL, files, environment.</summary>
    internal static class TemplateBody
    {
        /// <param name="templateOptional">A PATCH may send an environment (hooks, say) and keep the stack's template.</param>
        public static void Add(JObject body, TemplateBundle? template, bool templateOptional = false)
        {
            if (template == null) throw new ArgumentException("A template is required.");
            if (template.Template != null) body["template"] = template.Template;
            else if (template.TemplateUrl != null) body["template_url"] = template.TemplateUrl;
            else if (!templateOptional) throw new ArgumentException("The template is empty.");
            if (template.Files.Count > 0)
            {
                var files = new JObject();
                foreach (var pair in template.Files) files[pair.Key] = pair.Value;
                body["files"] = files;
            }
            if (template.Environment != null) body["environment"] = template.Environment;
            // As the reference client does: the environment files travel in 'files' and are named here too.
            if (template.EnvironmentFiles.Count > 0) body["environment_files"] = new JArray(template.EnvironmentFiles.ToArray());
        }
    }
}
