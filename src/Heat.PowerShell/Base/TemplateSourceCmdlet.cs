using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Heat.Client.Templates;

namespace Heat.PowerShell
{
    /// <summary>
    /// A cmdlet that takes a template: a path, its text or a URL (one parameter set each), environments, and
    /// parameter values and files. Loads the bundle (files, children, environments) the way heatclient does.
    /// </summary>
    public abstract class TemplateSourceCmdlet : HeatCmdlet
    {
        public const string PathSet = "TemplatePath";
        public const string BodySet = "Template";
        public const string UrlSet = "TemplateUrl";

        /// <summary>A local template file; relative references in it are read from its folder.</summary>
        /// <remarks>Position 1: after a stack name where the cmdlet has one, first where it has none.</remarks>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Path", "FullName")]
        [ValidateNotNullOrEmpty]
        public string TemplatePath { get; set; }

        /// <summary>The template's text; relative references in it are read from the current location.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BodySet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; }

        /// <summary>An http(s) URL of the template; it may name files relative to itself only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TemplateUrl { get; set; }

        /// <summary>Environment files or URLs, merged in order (later wins).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentPath { get; set; }

        /// <summary>Parameter values; lists, hashtables, numbers and booleans are sent as Heat expects them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Parameters")]
        public Hashtable Parameter { get; set; }

        /// <summary>Parameter name to a file whose content is the value (a script, a key, a certificate).</summary>
        [Parameter]
        public Hashtable ParameterFile { get; set; }

        /// <summary>Where the template comes from (the full path, the URL, or "(template text)"), for messages and error targets.</summary>
        protected string TemplateSource
        {
            get
            {
                var request = NewTemplateRequest();
                return request.TemplatePath ?? request.TemplateUrl ?? "(template text)";
            }
        }

        /// <summary>The template request, with PowerShell paths resolved against the current location.</summary>
        protected TemplateRequest NewTemplateRequest() => NewTemplateRequest(TemplatePath, Template, TemplateUrl, EnvironmentPath);

        /// <summary>The template with every file it names, read through the session (URLs) and from disk.</summary>
        protected TemplateBundle LoadTemplate() =>
            Await(TemplateLoader.LoadAsync(NewTemplateRequest(), Client.Templates.FetchTextAsync, CancellationToken));

        /// <summary>-Parameter and -ParameterFile as plain values by name.</summary>
        protected Dictionary<string, object> ParameterValues() =>
            PowerShell.ParameterValues.Build(Parameter, ParameterFile, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
    }
}
