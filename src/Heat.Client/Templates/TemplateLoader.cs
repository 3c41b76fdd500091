using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Heat.Client.Templates
{
    /// <summary>First cut: sends the template text as Heat's <c>template</c> string (Heat parses YAML and JSON itself).
    /// File references (get_file, child templates, environments) come with the template-handling work.</summary>
    public static class TemplateLoader
    {
        public static async Task<TemplateBundle> LoadAsync(TemplateRequest request, Func<Uri, CancellationToken, Task<string>> fetchUrl, CancellationToken cancellationToken)
        {
            var bundle = new TemplateBundle();
            if (request.TemplatePath != null)
            {
                bundle.Template = new JValue(File.ReadAllText(request.TemplatePath));
            }
            else if (request.TemplateText != null)
            {
                bundle.Template = new JValue(request.TemplateText);
            }
            else if (request.TemplateUrl != null)
            {
                bundle.Template = new JValue(await fetchUrl(new Uri(request.TemplateUrl), cancellationToken).ConfigureAwait(false));
            }
            return bundle;
        }
    }
}
